import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary home folder with the Fluxbase CLI's `~/.fluxbase/config.yaml` in it, as `fluxbase auth login` writes it. */
export class CliHome {
  readonly home = mkdtempSync(join(tmpdir(), 'fluxbase-cli-home-'));
  readonly configPath = join(this.home, '.fluxbase', 'config.yaml');

  /** Writes the file (mode 0600 in a 0700 folder, as the CLI does). */
  write(yaml: string): void {
    mkdirSync(join(this.home, '.fluxbase'), { recursive: true, mode: 0o700 });
    writeFileSync(this.configPath, yaml, { mode: 0o600 });
  }

  remove(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** A file profile with tokens, a keychain profile and the current profile, in the CLI's format. */
export function cliConfigYaml(
  options: {
    current?: string;
    devServer?: string;
    accessToken?: string;
    refreshToken?: string;
    expiresAt?: number;
  } = {},
): string {
  return [
    'version: "1"',
    `current_profile: ${options.current ?? 'prod'}`,
    'profiles:',
    '  dev:',
    '    name: dev',
    `    server: ${options.devServer ?? 'http://127.0.0.1:8080'}`,
    '    credential_store: file',
    '    credentials:',
    `      access_token: ${options.accessToken ?? 'dev-access-token'}`,
    `      refresh_token: ${options.refreshToken ?? 'dev-refresh-token'}`,
    `      expires_at: ${options.expiresAt ?? 4102444800}`,
    '    user:',
    '      id: 0b7c',
    '      email: dev@example.com',
    '      role: dashboard_admin',
    '      email_verified: true',
    '  prod:',
    '    name: prod',
    '    server: https://fluxbase.example.com/',
    '    credential_store: keychain',
    '  ci:',
    '    name: ci',
    '    server: https://ci.example.com',
    '    credentials:',
    '      api_key: ci-api-key',
    'defaults:',
    '  output: table',
    '',
  ].join('\n');
}

/** An in-memory `SecretStorage`. */
export class MemoryState {
  readonly values = new Map<string, string>();

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}
