import { completionDetail } from '../code/completionDetail';
import type { CatalogEntry } from '../explorer/secretCatalog';
import { resolveVariable, type VariableResolution } from '../code/variableResolution';
import { isAvailable, namespaceAccess, type NamespaceAccess } from './functionAccess';
import { contextNoun, namespaceLabel, type FunctionContext } from './functionNamespaces';
import { runtimeVariablesFor, SETTING_PREFIX, USER_SETTING_PREFIX } from './runtimeVariables';

/** Completion groups in the order they are listed. */
export type CompletionGroup = 'available' | 'runtime' | 'unavailable';

/** One completion, independent of the editor. */
export interface FunctionCompletion {
  /** The label: a variable, or a settings-secret prefix to type the key after. */
  variable: string;
  /** What writes the variable into code: a secret's name as the server sent it, or the runtime variable. */
  writtenName: string;
  group: CompletionGroup;
  /** Groups first, then urgency, then the name. */
  sortText: string;
  /** Short text beside the label: which namespace provides it, or that the code does not get it. */
  description: string;
  detail: string;
  /** What the documentation is built from when the item is shown (functionHoverMarkdown), not for the whole list. */
  resolution: VariableResolution;
  /** Expired everywhere it would apply: shown struck through. */
  deprecated: boolean;
}

const GROUP_ORDER: Record<CompletionGroup, string> = { available: '0', runtime: '1', unavailable: '2' };
const STATE_ORDER = { active: '0', expiring: '1', expired: '2', unknown: '3' } as const;

/** A variable resolved, with its completion detail at a time: resolved per request, or kept (VariableCompletions). */
export interface ResolvedVariable {
  readonly resolution: VariableResolution;
  detail(now: Date): string;
}

/**
 * The completions in a function, job or shared module: the secrets the code
 * gets first (with the namespace that provides each, and "overrides global"
 * where a namespace secret wins), then the runtime variables of its kind
 * with their meaning, then the other secrets marked "not available to this
 * function". Without a context every secret is listed as before. `resolved`:
 * the variables of `byVariable` already resolved at `now`, when the caller keeps them.
 */
export function functionCompletions(
  byVariable: ReadonlyMap<string, readonly CatalogEntry[]>,
  context: FunctionContext | undefined,
  now: Date,
  resolved: readonly ResolvedVariable[] = resolveEach(byVariable, now),
): FunctionCompletion[] {
  const secrets = resolved.map((variable) => secretCompletion(variable.resolution, variable.detail(now), context));
  return [...secrets, ...runtimeCompletions(context, new Set(byVariable.keys()), now)];
}

function resolveEach(byVariable: ReadonlyMap<string, readonly CatalogEntry[]>, now: Date): ResolvedVariable[] {
  return [...byVariable].map(([variable, entries]) => {
    const resolution = resolveVariable(variable, entries, now);
    return { resolution, detail: (at: Date) => completionDetail(resolution, at) };
  });
}

function secretCompletion(
  resolution: VariableResolution,
  detail: string,
  context: FunctionContext | undefined,
): FunctionCompletion {
  const base = {
    variable: resolution.variable,
    writtenName: resolution.providers[0]?.entry.secret.name ?? resolution.variable,
    detail,
    resolution,
  };
  const accesses = context ? namespaceAccess(resolution, context) : undefined;
  if (!context || !accesses || isAvailable(accesses)) {
    const description = accesses ? providedBy(accesses, context?.connections.length ?? 1) : 'Fluxbase secret';
    return {
      ...base,
      group: 'available',
      sortText: sortText('available', accesses ? availableState(accesses) : resolution.status, resolution.variable),
      description,
      deprecated: !accesses && resolution.status === 'expired',
    };
  }
  return {
    ...base,
    group: 'unavailable',
    sortText: sortText('unavailable', resolution.status, resolution.variable),
    description: `not available to ${contextNoun(context)}`,
    deprecated: resolution.status === 'expired',
  };
}

/** `billing (overrides global), global`; with several connections each part names its connection. */
function providedBy(accesses: readonly NamespaceAccess[], connections: number): string {
  const parts = accesses.flatMap((access) => {
    if (!access.gets) {
      return [];
    }
    const from =
      access.gets.entry.secret.scope === 'namespace'
        ? `${namespaceLabel(access.namespace)}${access.overridesGlobal ? ' (overrides global)' : ''}`
        : 'global';
    return [connections > 1 ? `${access.connectionName}: ${from}` : from];
  });
  return [...new Set(parts)].join(', ');
}

function availableState(accesses: readonly NamespaceAccess[]): keyof typeof STATE_ORDER {
  return accesses.some((a) => a.gets?.state === 'expiring') ? 'expiring' : 'active';
}

function runtimeCompletions(
  context: FunctionContext | undefined,
  secretVariables: Set<string>,
  now: Date,
): FunctionCompletion[] {
  const kind = !context ? undefined : context.unit.kind === 'shared' ? undefined : context.unit.kind;
  const fixed = runtimeVariablesFor(kind).map(({ name, meaning }) => ({ variable: name, meaning }));
  const prefixes = [
    { variable: SETTING_PREFIX, meaning: 'System settings secret: type its key (upper-cased, "." as "_")' },
    { variable: USER_SETTING_PREFIX, meaning: "The invoking user's settings secret: type its key" },
  ];
  return [...fixed, ...prefixes]
    .filter(({ variable }) => !secretVariables.has(variable))
    .map(({ variable, meaning }) => ({
      variable,
      writtenName: variable,
      group: 'runtime' as const,
      sortText: sortText('runtime', 'active', variable),
      description: 'Fluxbase runtime',
      detail: meaning,
      resolution: resolveVariable(variable, [], now),
      deprecated: false,
    }));
}

function sortText(group: CompletionGroup, state: keyof typeof STATE_ORDER, variable: string): string {
  return `${GROUP_ORDER[group]}${STATE_ORDER[state]}${variable}`;
}
