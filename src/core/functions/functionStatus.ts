import { describeSource, namespaceLabel, type FunctionContext } from './functionNamespaces';

/** The status bar item of the active editor's function: text with a codicon, and a plain-text tooltip. */
export interface FunctionStatus {
  text: string;
  tooltip: string;
}

/**
 * `$(symbol-function) charge-customer · billing` (a job shows a clock, a
 * shared module the functions it serves), every namespace over all
 * connections listed; the tooltip gives each namespace's source per
 * connection. Names and namespaces cannot render icons.
 */
export function functionStatus(context: FunctionContext): FunctionStatus {
  const unit = context.unit;
  const icon = unit.kind === 'function' ? '$(symbol-function)' : unit.kind === 'job' ? '$(clock)' : '$(references)';
  const name = unit.kind === 'shared' ? `_shared (${unit.resource})` : unit.name;
  const namespaces = [...new Set(context.connections.flatMap((c) => c.namespaces.map((n) => n.namespace)))].sort();
  const where = namespaces.length > 0 ? ` · ${escapeIcons(namespaces.map(namespaceLabel).join(', '))}` : '';
  const text = `${icon} ${escapeIcons(name)}${where}`;
  const heading =
    unit.kind === 'shared'
      ? `Shared module of the ${unit.resource}: it runs in every namespace of the code that imports it.`
      : `The ${unit.kind} ${unit.name} runs in:`;
  const lines = context.connections.flatMap((c) => [
    `${c.connectionName}: ${c.namespaces
      .map(
        (n) =>
          `${namespaceLabel(n.namespace)} (${describeSource(n.source)}${n.via ? `, via ${n.via.join(', ')}` : ''})`,
      )
      .join('; ')}`,
    ...(c.unavailable ? [`  deployed ${unit.kind === 'job' ? 'jobs' : 'functions'} unknown: ${c.unavailable}`] : []),
    ...(c.namespaces.some((n) => n.namespace === '')
      ? ['  (no namespace): deployed by the server loader or functions create, it sees only global secrets']
      : []),
  ]);
  if (lines.length === 0) {
    lines.push('Sign in to a connection to see its namespaces.');
  }
  return { text, tooltip: [heading, ...lines, '', 'Click: what this code sees.'].join('\n') };
}

/** Makes `$(name)` show literally in status bar text instead of as an icon. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
