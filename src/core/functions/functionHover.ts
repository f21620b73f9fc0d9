import { describeSecret, hoverMarkdown } from '../code/hoverContent';
import { codeSpan, escapeMarkdown } from '../markdown';
import type { ProvidingSecret, VariableResolution } from '../code/variableResolution';
import { namespaceAccess, type NamespaceAccess } from './functionAccess';
import { joinWords } from './functionProblems';
import { describeSource, type FunctionContext } from './functionNamespaces';
import { runtimeVariableInfo } from './runtimeVariables';

/**
 * The hover of a reference in a function, job or shared module: first what
 * the code gets in each of its namespaces on each connection (with the
 * source of each namespace), then the other secrets that provide the
 * variable. Runtime variables get their meaning. Server text is escaped.
 */
export function functionHoverMarkdown(
  resolution: VariableResolution,
  context: FunctionContext | undefined,
  now: Date,
): string | undefined {
  const runtime = runtimeVariableInfo(resolution.variable, kindOf(context));
  if (resolution.status === 'unknown' && runtime) {
    return runtimeHover(runtime.name, runtime.meaning, runtime.notSetFor);
  }
  if (!context || resolution.status === 'unknown') {
    return hoverMarkdown(resolution, now);
  }
  const accesses = namespaceAccess(resolution, context);
  const title = `**${escapeMarkdown(resolution.variable)}** — Fluxbase secret`;
  const lead = `What ${escapeMarkdown(subject(context))} gets:`;
  const several = context.connections.length > 1;
  const lines = accesses.map((access) => `- ${where(access, several)}: ${gets(access, now)}`);
  const shown = new Set(accesses.flatMap((a) => (a.gets ? [a.gets.entry] : [])));
  const rest = resolution.providers.filter((p) => !shown.has(p.entry));
  const sections = [title, `${lead}\n\n${lines.join('\n')}`, ...listingNotes(context)];
  if (rest.length > 0) {
    sections.push(`Other secrets that provide it:\n\n${rest.map((p) => `- ${otherSecret(p, now)}`).join('\n')}`);
  }
  return sections.join('\n\n');
}

function kindOf(context: FunctionContext | undefined): 'function' | 'job' | undefined {
  if (!context) {
    return undefined;
  }
  if (context.unit.kind === 'shared') {
    return context.unit.resource === 'functions' ? 'function' : 'job';
  }
  return context.unit.kind;
}

function runtimeHover(name: string, meaning: string, notSetFor: 'function' | 'job' | undefined): string {
  const warning = notSetFor ? `\n\n⚠ Not set for a ${notSetFor}.` : '';
  return `**${escapeMarkdown(name)}** — Fluxbase runtime variable\n\n${escapeMarkdown(meaning)}.${warning}`;
}

function subject(context: FunctionContext): string {
  return context.unit.kind === 'shared' ? 'this shared module' : `${context.unit.kind} ${context.unit.name}`;
}

function where(access: NamespaceAccess, several: boolean): string {
  const connection = several ? `${escapeMarkdown(access.connectionName)} · ` : '';
  const namespace =
    access.namespace === '' ? 'no namespace (only global secrets)' : `namespace ${codeSpan(access.namespace)}`;
  const via = access.via ? `, via ${escapeMarkdown(joinWords(access.via))}` : '';
  return `${connection}${namespace} (${describeSource(access.source)}${via})`;
}

function gets(access: NamespaceAccess, now: Date): string {
  if (!access.gets) {
    if (access.expired.length > 0) {
      return `**expired**, nothing is set — ${access.expired.map((p) => describeSecret(p, now)).join('; ')}`;
    }
    const elsewhere =
      access.elsewhere.length > 0 ? ` — it exists only in ${access.elsewhere.map(codeSpan).join(', ')}` : '';
    return `**not available**${elsewhere}`;
  }
  const scope = access.gets.entry.secret.scope === 'namespace' ? 'namespace secret' : 'global secret';
  const note = access.overridesGlobal
    ? ' (overrides global)'
    : access.fallsBackToGlobal
      ? ' (the namespace secret expired)'
      : '';
  return `${scope}${note} ${describeSecret(access.gets, now)}`;
}

function listingNotes(context: FunctionContext): string[] {
  const registry = context.unit.kind === 'job' || (context.unit.kind === 'shared' && context.unit.resource === 'jobs');
  return context.connections
    .filter((c) => c.unavailable !== undefined)
    .map(
      (c) =>
        `_${escapeMarkdown(c.connectionName)}: deployed ${registry ? 'jobs' : 'functions'} unknown ` +
        `(${escapeMarkdown(c.unavailable ?? '')}); the namespaces come from the setting or the default._`,
    );
}

function otherSecret(provider: ProvidingSecret, now: Date): string {
  const { secret, connectionName } = provider.entry;
  const scope = secret.scope === 'namespace' ? `Namespace ${codeSpan(secret.namespace ?? '')}` : 'Global';
  return `${escapeMarkdown(connectionName)} · ${scope}: ${describeSecret(provider, now)}`;
}
