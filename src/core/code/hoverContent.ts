import { SECRET_LINK_COMMANDS, type CommandId } from '../commandIds';
import { secretRefOf } from '../explorer/secretRef';
import { describeExpiry } from './expiryText';
import { codeSpan, commandLink, escapeMarkdown } from '../markdown';
import { isSecretVariable } from './referenceProblems';
import type { NamespaceProviders, ProvidingSecret, VariableResolution } from './variableResolution';

/** The only commands the hover's links may run: the history (it takes a SecretRef) and Update Value (the same). */
export const HOVER_COMMANDS: readonly CommandId[] = SECRET_LINK_COMMANDS;
const [SHOW_HISTORY_COMMAND, UPDATE_VALUE_COMMAND] = SECRET_LINK_COMMANDS;

/**
 * The hover of a reference as Markdown: for each connection, which secrets
 * provide the variable (global, then each namespace, saying where the
 * namespace one wins), with version, expiry, description and links to the
 * history and to update the value. Undefined when there is nothing to say.
 */
export function hoverMarkdown(resolution: VariableResolution, now: Date): string | undefined {
  const title = `**${escapeMarkdown(resolution.variable)}**`;
  if (resolution.status === 'unknown') {
    return isSecretVariable(resolution.variable)
      ? `${title}\n\nNo secret of the signed-in Fluxbase connections provides this variable.`
      : undefined;
  }
  const sections = resolution.connections.map((connection) => {
    const lines = [
      ...connection.global.map((p) => `- Global: ${describeSecret(p, now)}`),
      ...connection.namespaces.flatMap((group) =>
        group.secrets.map((p) => `- Namespace ${codeSpan(group.namespace)}: ${describeSecret(p, now)}${note(group)}`),
      ),
    ];
    if (connection.global.length > 1 || connection.namespaces.some((n) => n.secrets.length > 1)) {
      lines.push('- ⚠ Names that differ only in case give the same variable; which one a function gets is undefined.');
    }
    return `${escapeMarkdown(connection.connectionName)}:\n\n${lines.join('\n')}`;
  });
  return [`${title} — Fluxbase secret`, ...sections].join('\n\n');
}

/** One providing secret: name, version, expiry (bold unless active), description and the history and update links. */
export function describeSecret(provider: ProvidingSecret, now: Date): string {
  const { secret } = provider.entry;
  const parts = [codeSpan(secret.name), `v${escapeMarkdown(String(secret.version))}`, describeExpiry(secret, now)];
  if (provider.state !== 'active') {
    parts[2] = `**${parts[2]}**`;
  }
  const description = secret.description ? ` — ${escapeMarkdown(secret.description)}` : '';
  const ref = [secretRefOf(provider.entry.connectionId, secret)];
  const links = [
    commandLink('History', SHOW_HISTORY_COMMAND, ref, 'Show version history'),
    commandLink('Update value', UPDATE_VALUE_COMMAND, ref, 'Set a new value (makes a new version)'),
  ].join(' · ');
  return `${parts.join(' · ')}${description} — ${links}`;
}

function note(group: NamespaceProviders): string {
  if (group.overridesGlobal) {
    return ` (wins over the global secret in ${codeSpan(group.namespace)})`;
  }
  if (group.fallsBackToGlobal) {
    return ` (expired: functions in ${codeSpan(group.namespace)} get the global value)`;
  }
  return '';
}
