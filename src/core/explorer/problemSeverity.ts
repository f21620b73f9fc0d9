import type { ExpiryState } from '../../shared/expiry';

/**
 * The one severity rule of the tree and of Problems. A finding is one of two
 * levels: `warning` when the code will not get the variable (no secret
 * provides it, or the secret has expired) and `information` when it still
 * does but should be looked at (the secret expires within 7 days). The
 * setting `fluxbaseSecrets.diagnostics.severity` (default `warning`) is the
 * severity of the first level; the second is `information`, or the setting
 * when that is lower. An expired secret's tree icon and its reference in
 * Problems therefore always show the same severity.
 */

/** The values of `fluxbaseSecrets.diagnostics.severity`, most severe first. */
export const PROBLEM_SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

/** A severity as VS Code knows it (Problems, the tree's icons). */
export type ProblemSeverity = (typeof PROBLEM_SEVERITIES)[number];

/** The default of `fluxbaseSecrets.diagnostics.severity`. */
export const DEFAULT_PROBLEM_SEVERITY: ProblemSeverity = 'warning';

/** How much a finding matters before the setting applies. */
export type ProblemLevel = 'warning' | 'information';

/** The severity setting's value; anything else is the default. */
export function problemSeverityOf(value: unknown): ProblemSeverity {
  return PROBLEM_SEVERITIES.find((severity) => severity === value) ?? DEFAULT_PROBLEM_SEVERITY;
}

/** The level of an expired secret (the code does not get it) or a soon expiring one (it still does). */
export function expiryLevel(state: 'expired' | 'expiring'): ProblemLevel {
  return state === 'expired' ? 'warning' : 'information';
}

/** A finding's severity: `warning` findings take the configured one; `information` never gets more severe than it. */
export function severityOf(level: ProblemLevel, configured: ProblemSeverity): ProblemSeverity {
  if (level === 'warning') {
    return configured;
  }
  return PROBLEM_SEVERITIES.indexOf(configured) > PROBLEM_SEVERITIES.indexOf('information')
    ? configured
    : 'information';
}

/** The severity of a secret in its expiry state (undefined while it is active): the same in the tree and in Problems. */
export function expirySeverity(state: ExpiryState, configured: ProblemSeverity): ProblemSeverity | undefined {
  return state === 'active' ? undefined : severityOf(expiryLevel(state), configured);
}

/** A codicon and its theme colour. */
export interface IconSpec {
  id: string;
  color?: string;
}

/**
 * The tree icon of each severity, as Problems marks it. A hint is not listed
 * in Problems, so the row keeps the plain key (its description still says
 * "expired" first).
 */
const SEVERITY_ICONS: Record<ProblemSeverity, IconSpec> = {
  error: { id: 'error', color: 'list.errorForeground' },
  warning: { id: 'warning', color: 'list.warningForeground' },
  information: { id: 'info', color: 'problemsInfoIcon.foreground' },
  hint: { id: 'key' },
};

/** The icon of a secret row: the key while active, else the icon of its expiry severity. */
export function secretIcon(state: ExpiryState, configured: ProblemSeverity): IconSpec {
  const severity = expirySeverity(state, configured);
  return severity === undefined ? { id: 'key' } : SEVERITY_ICONS[severity];
}
