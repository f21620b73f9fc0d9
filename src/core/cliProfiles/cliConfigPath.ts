import * as path from 'node:path';

/**
 * The CLI configuration file to read: the `fluxbaseSecrets.cliConfigPath`
 * setting when it is an absolute path (or starts with `~/`), else the CLI's
 * own default `~/.fluxbase/config.yaml` (contract part 2, §2.1). A relative
 * setting has no sensible base and is refused with `problem`.
 */
export function resolveCliConfigPath(setting: unknown, home: string): { path: string; problem?: string } {
  const fallback = path.join(home, '.fluxbase', 'config.yaml');
  if (typeof setting !== 'string' || setting.trim() === '') {
    return { path: fallback };
  }
  const value = setting.trim();
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) {
    return { path: path.join(home, value.slice(1)) };
  }
  if (path.isAbsolute(value)) {
    return { path: path.normalize(value) };
  }
  return {
    path: fallback,
    problem: `fluxbaseSecrets.cliConfigPath must be an absolute path (or start with ~/); using ${fallback}`,
  };
}
