import { describeExpiry } from '../code/expiryText';
import { expiryLevel } from '../explorer/problemSeverity';
import { assessReference, type ReferenceProblem } from '../code/referenceProblems';
import type { ProvidingSecret, VariableResolution } from '../code/variableResolution';
import { namespaceAccess, type NamespaceAccess } from './functionAccess';
import { namespaceLabel, type FunctionContext } from './functionNamespaces';

/** What is wrong with a reference for the function that holds it. */
export type FunctionProblemCode =
  | 'notAvailableInNamespace'
  | 'expiredInNamespace'
  | 'expiringInNamespace'
  | 'overriddenInNamespace'
  | 'expiredFallsBackToGlobal';

/** A finding for one namespace on one connection (or, for unknown secrets, the namespace-blind finding). */
export interface FunctionReferenceProblem extends Omit<ReferenceProblem, 'code'> {
  code: FunctionProblemCode | ReferenceProblem['code'];
  connectionId?: string;
  namespace?: string;
}

/**
 * The problems of a reference in a function, job or shared module, checked
 * against what the code receives in each of its namespaces on each
 * connection: missing there (warning), expired there (warning), expiring
 * (information), a namespace secret winning over the global one
 * (information, saying which wins), an expired namespace secret whose global
 * value is used instead (information). A variable that no secret provides
 * anywhere is judged as without a function (`assessReference`).
 */
export function assessFunctionReference(
  resolution: VariableResolution,
  context: FunctionContext,
  signedInConnections: number,
  now: Date,
): FunctionReferenceProblem[] {
  if (resolution.status === 'unknown') {
    const problem = assessReference(resolution, signedInConnections, now);
    return problem ? [problem] : [];
  }
  const several = context.connections.length > 1;
  return namespaceAccess(resolution, context).flatMap((access) => {
    const problem = assessAccess(resolution.variable, access, subjectOf(context, access), several, now);
    return problem ? [{ ...problem, connectionId: access.connectionId, namespace: access.namespace }] : [];
  });
}

function assessAccess(
  variable: string,
  access: NamespaceAccess,
  subject: string,
  several: boolean,
  now: Date,
): Omit<FunctionReferenceProblem, 'connectionId' | 'namespace'> | undefined {
  const where = `${inNamespace(access)}${several ? ` on ${access.connectionName}` : ''}`;
  if (!access.gets) {
    if (access.expired.length > 0) {
      return {
        code: 'expiredInNamespace',
        level: expiryLevel('expired'),
        message: `${variable} has expired for ${subject} ${where}: ${describeSecrets(access.expired, now)}. Functions do not get expired secrets`,
        // the one the code reads once renewed: the namespace secret comes first, as it would win over the global one
        renewable: access.expired.slice(0, 1).map((p) => p.entry),
      };
    }
    return {
      code: 'notAvailableInNamespace',
      level: 'warning',
      message: `${variable} is not available to ${subject} ${where}: ${whereElse(access)}`,
    };
  }
  const secret = access.gets.entry.secret;
  if (access.gets.state === 'expiring') {
    return {
      code: 'expiringInNamespace',
      level: expiryLevel('expiring'),
      message: `${variable} for ${subject} ${where}: ${describeSecrets([access.gets], now)}`,
      renewable: [access.gets.entry],
    };
  }
  if (access.overridesGlobal) {
    return {
      code: 'overriddenInNamespace',
      level: 'information',
      message: `${subject} ${where} gets ${variable} from the namespace secret ${secret.name} (v${secret.version}), which overrides the global one`,
    };
  }
  if (access.fallsBackToGlobal) {
    return {
      code: 'expiredFallsBackToGlobal',
      level: 'information',
      message: `${subject} ${where} gets ${variable} from the global secret ${secret.name}: the namespace secret has expired`,
    };
  }
  return undefined;
}

/** `in namespace billing`, or, for `""`, where the server put a function that sees only global secrets. */
function inNamespace(access: NamespaceAccess): string {
  return access.namespace === ''
    ? 'deployed without a namespace (it sees only global secrets)'
    : `in namespace ${access.namespace}`;
}

function whereElse(access: NamespaceAccess): string {
  return access.elsewhere.length > 0
    ? `it exists only in ${joinWords(access.elsewhere.map(namespaceLabel))}`
    : `no secret of ${access.connectionName} provides it`;
}

function subjectOf(context: FunctionContext, access: NamespaceAccess): string {
  if (context.unit.kind !== 'shared') {
    return context.unit.name;
  }
  return `this shared module (imported by ${joinWords(access.via ?? [])})`;
}

function describeSecrets(providers: readonly ProvidingSecret[], now: Date): string {
  return providers
    .map(({ entry: { secret } }) => {
      const scope = secret.scope === 'namespace' ? `namespace ${secret.namespace ?? ''}` : 'global';
      return `secret ${secret.name} (${scope}) ${describeExpiry(secret, now)}`;
    })
    .join('; ');
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) {
    return words.join('');
  }
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}
