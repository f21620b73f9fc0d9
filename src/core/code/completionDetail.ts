import type { SecretSummary } from '../api/secretTypes';
import type { ExpiryState } from '../../shared/expiry';
import { describeExpiry } from './expiryText';
import type { VariableResolution } from './variableResolution';

/** How many namespaces the detail names before it counts the rest: the line shows only its start. */
export const DETAIL_NAMESPACES_NAMED = 3;

/**
 * What a variable's completion detail is made of. Everything but the expiry
 * phrase of the most urgent secret (relative to now) is fixed once the
 * variable is resolved, so a cached resolution keeps its `fixed` text.
 */
export interface CompletionDetailParts {
  /** Where it is defined (and which connections), before the expiry. */
  where: string;
  /** The most urgent expiring or expired secret, whose expiry is described relative to now. */
  urgent?: Pick<SecretSummary, 'expires_at' | 'is_expired'>;
  /** The first description, on one line. */
  description?: string;
}

/**
 * The one-line detail of a variable's completion item: where it is defined
 * (global, which namespaces — the first three and how many more; the hover
 * lists them all —, which connections), the most urgent expiry and the first description.
 */
export function completionDetail(resolution: VariableResolution, now: Date): string {
  return completionDetailText(completionDetailParts(resolution), now);
}

/** The detail of `parts` at `now`. */
export function completionDetailText(parts: CompletionDetailParts, now: Date): string {
  const texts = [parts.where];
  if (parts.urgent) {
    texts.push(describeExpiry(parts.urgent, now));
  }
  if (parts.description !== undefined) {
    texts.push(parts.description);
  }
  return texts.join(' · ');
}

/** The parts of the detail of `resolution` (its expiry states as resolved). */
export function completionDetailParts(resolution: VariableResolution): CompletionDetailParts {
  const scopes: string[] = [];
  if (resolution.connections.some((c) => c.global.length > 0)) {
    scopes.push('global');
  }
  const namespaces = [...new Set(resolution.connections.flatMap((c) => c.namespaces.map((n) => n.namespace)))].sort();
  if (namespaces.length > 0) {
    scopes.push(`${namespaces.length === 1 ? 'namespace' : 'namespaces'} ${namedAndCounted(namespaces)}`);
  }
  const where = [scopes.join(' + ')];
  if (resolution.connections.length > 1) {
    where.push(resolution.connections.map((c) => c.connectionName).join(', '));
  }
  const parts: CompletionDetailParts = { where: where.join(' · ') };
  const urgent = mostUrgent(resolution);
  if (urgent) {
    parts.urgent = urgent.entry.secret;
  }
  const description = resolution.providers.find((p) => p.entry.secret.description)?.entry.secret.description;
  if (description) {
    parts.description = description.replace(/\s+/g, ' ');
  }
  return parts;
}

/** `a, b, c` or `a, b, c and 197 more`. */
function namedAndCounted(names: readonly string[]): string {
  const named = names.slice(0, DETAIL_NAMESPACES_NAMED).join(', ');
  const more = names.length - DETAIL_NAMESPACES_NAMED;
  return more > 0 ? `${named} and ${more} more` : named;
}

const URGENCY: Record<ExpiryState, number> = { expired: 2, expiring: 1, active: 0 };

function mostUrgent(resolution: VariableResolution) {
  const sorted = resolution.providers
    .filter((p) => p.state !== 'active')
    .sort((a, b) => URGENCY[b.state] - URGENCY[a.state]);
  return sorted[0];
}
