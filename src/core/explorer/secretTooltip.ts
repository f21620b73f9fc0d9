import { GLOBAL_SCOPE_LABEL } from '../../shared/scopeWording';
import type { SecretSummary } from '../api/secretTypes';
import { SECRET_LINK_COMMANDS } from '../commandIds';
import type { ExpiryState } from '../../shared/expiry';
import { exactAndRelativeText } from '../../shared/time';
import type { SignedInUser } from '../connections/signedInUsers';
import { authorView } from '../connections/authorView';
import { secretVariableName } from '../secretVariable';
import { codeSpan, commandLink, escapeMarkdown } from '../markdown';
import type { SecretRef } from '../../shared/secretRef';
import { NO_REFERENCE_TEXT, readerKindWord, type CodeReaderView, type SecretUsageView } from '../../shared/secretUsage';

/**
 * The only commands a secret tooltip links to: the host trusts the markdown
 * for exactly these (`isTrusted: { enabledCommands }`).
 */
export const TOOLTIP_COMMANDS = SECRET_LINK_COMMANDS;

/** What a secret's tooltip is built from. */
export interface SecretTooltipInput {
  ref: SecretRef;
  secret: SecretSummary;
  expiry: ExpiryState;
  /** For a namespace secret: the global secrets it hides. */
  overrides: readonly SecretSummary[];
  /** For a global secret: the namespaces whose secrets hide it. */
  overriddenIn: readonly string[];
  now: number;
  /** The signed-in user of the secret's connection, whose changes read "You"; undefined when unknown. */
  currentUser?: SignedInUser;
  /** Which functions, jobs and files of the workspace read its variable; absent outside a workspace. */
  usage?: SecretUsageView;
}

/**
 * The markdown tooltip of a secret: description, scope and namespace, the
 * variable function code reads (contract §5), version, expiry, created and
 * updated times and by whom, overrides, and links to its history and to
 * updating its value. Every piece of user input is escaped.
 */
export function secretTooltip(input: SecretTooltipInput): string {
  const { secret, now } = input;
  const lines = [`**${escapeMarkdown(secret.name)}**`, ''];
  if (secret.description) {
    lines.push(escapeMarkdown(secret.description), '');
  }
  const scope = secret.scope === 'global' ? GLOBAL_SCOPE_LABEL : `Namespace ${codeSpan(secret.namespace ?? '')}`;
  lines.push(
    `- Scope: ${scope}`,
    `- Variable: ${codeSpan(secretVariableName(secret.name))}`,
    `- Version: ${escapeMarkdown(String(secret.version))}`,
    `- Expires: ${expiryText(secret, input.expiry, now)}`,
    `- Created: ${timeText(secret.created_at, now)}${authorText(secret.created_by, input.currentUser)}`,
    `- Updated: ${timeText(secret.updated_at, now)}${authorText(secret.updated_by, input.currentUser)}`,
  );
  for (const global of input.overrides) {
    lines.push('', `Overrides the global secret ${codeSpan(global.name)} in this namespace.`);
  }
  if (input.overriddenIn.length > 0) {
    const namespaces = input.overriddenIn.map(codeSpan).join(', ');
    lines.push('', `Overridden by a secret of the same variable in: ${namespaces}.`);
  }
  if (input.usage?.indexed) {
    lines.push('', usageText(input.usage.readers));
  }
  lines.push(
    '',
    `${commandLink('Show history', TOOLTIP_COMMANDS[0], [input.ref])} · ${commandLink('Update value', TOOLTIP_COMMANDS[1], [input.ref])}`,
  );
  return lines.join('\n');
}

/** Readers listed in a tooltip before "and N more". */
const LISTED_READERS = 8;

function usageText(readers: readonly CodeReaderView[]): string {
  if (readers.length === 0) {
    return `**${NO_REFERENCE_TEXT}.**`;
  }
  const listed = readers.slice(0, LISTED_READERS).map(readerText);
  const more = readers.length - listed.length;
  return `Read in this workspace by ${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
}

function readerText(reader: CodeReaderView): string {
  return `${readerKindWord(reader.kind)} ${codeSpan(reader.name)}`;
}

function expiryText(secret: SecretSummary, expiry: ExpiryState, now: number): string {
  if (secret.expires_at === undefined) {
    return 'never';
  }
  const when = timeText(secret.expires_at, now);
  if (expiry === 'expired') {
    return `**expired** (${when}); functions no longer receive it`;
  }
  return expiry === 'expiring' ? `**soon**: ${when}` : when;
}

function timeText(iso: string, now: number): string {
  return exactAndRelativeText(iso, new Date(now)) ?? escapeMarkdown(iso);
}

/** Who made a change, as the history page names them: "You", else the short id (full UUIDs wrap the tooltip). */
function authorText(userId: string | undefined, currentUser: SignedInUser | undefined): string {
  if (!userId) {
    return '';
  }
  const author = authorView(userId, currentUser);
  return author.kind === 'you' ? ' by You' : ` by ${codeSpan(author.label)}`;
}
