import type { ExpiryState } from '../../shared/expiry';
import { describeExpiry } from './expiryText';
import type { VariableResolution } from './variableResolution';

/**
 * The one-line detail of a variable's completion item: where it is defined
 * (global, which namespaces, which connections), the most urgent expiry and
 * the first description.
 */
export function completionDetail(resolution: VariableResolution, now: Date): string {
  const scopes: string[] = [];
  if (resolution.connections.some((c) => c.global.length > 0)) {
    scopes.push('global');
  }
  const namespaces = [...new Set(resolution.connections.flatMap((c) => c.namespaces.map((n) => n.namespace)))].sort();
  if (namespaces.length > 0) {
    scopes.push(`${namespaces.length === 1 ? 'namespace' : 'namespaces'} ${namespaces.join(', ')}`);
  }
  const parts = [scopes.join(' + ')];
  if (resolution.connections.length > 1) {
    parts.push(resolution.connections.map((c) => c.connectionName).join(', '));
  }
  const urgent = mostUrgent(resolution);
  if (urgent) {
    parts.push(describeExpiry(urgent.entry.secret, now));
  }
  const description = resolution.providers.find((p) => p.entry.secret.description)?.entry.secret.description;
  if (description) {
    parts.push(description.replace(/\s+/g, ' '));
  }
  return parts.join(' · ');
}

const URGENCY: Record<ExpiryState, number> = { expired: 2, expiring: 1, active: 0 };

function mostUrgent(resolution: VariableResolution) {
  const sorted = resolution.providers
    .filter((p) => p.state !== 'active')
    .sort((a, b) => URGENCY[b.state] - URGENCY[a.state]);
  return sorted[0];
}
