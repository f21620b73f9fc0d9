/** The shortest automatic refresh interval, so that a typo cannot hammer the server. */
export const MIN_REFRESH_INTERVAL_SECONDS = 30;

/**
 * The automatic refresh interval in milliseconds for the value of the
 * `fluxbaseSecrets.refreshIntervalSeconds` setting: undefined (off) for 0,
 * a negative number or anything that is not a number; at least 30 seconds.
 */
export function refreshIntervalMs(setting: unknown): number | undefined {
  if (typeof setting !== 'number' || !Number.isFinite(setting) || setting <= 0) {
    return undefined;
  }
  return Math.max(setting, MIN_REFRESH_INTERVAL_SECONDS) * 1000;
}
