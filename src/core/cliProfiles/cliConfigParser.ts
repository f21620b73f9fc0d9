import { isMap, isScalar, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import type { CliConfigResult, CliFileCredentials, CliProfile } from './cliConfigTypes';

/**
 * Parses the text of the Fluxbase CLI's `config.yaml` with a real YAML
 * parser. A syntax error becomes one problem naming `file` and the line; a
 * profile with the wrong shape is left out with a problem of its own. No
 * message ever quotes the file's text, which holds tokens.
 */
export function parseCliConfigText(text: string, file: string): CliConfigResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { ok: false, problem: `${file}:${line}:${col}: not valid YAML (${safeMessage(error.message)})` };
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    return { ok: true, config: { profiles: [] }, problems: [] };
  }
  if (!isMap(root)) {
    return { ok: false, problem: `${file}:1:1: the Fluxbase CLI configuration must be a mapping` };
  }
  let plain: Record<string, unknown>;
  try {
    plain = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch {
    // The conversion's errors (an unresolved alias, say) quote the file: say only what is wrong.
    return { ok: false, problem: `${file}: not valid YAML (an alias without its anchor, or too many aliases)` };
  }
  return readConfig(root, plain, file, lineCounter);
}

/** Reads `plain` (the file as JavaScript values), taking line numbers for problems from `root`. */
function readConfig(
  root: YAMLMap,
  plain: Record<string, unknown>,
  file: string,
  lineCounter: LineCounter,
): CliConfigResult {
  const problems: string[] = [];
  const at = (node: unknown): string => {
    const offset = (node as { range?: [number, number] } | undefined)?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const current = plain.current_profile;
  const values = (plain.profiles ?? {}) as Record<string, unknown>;
  const profilesNode = root.get('profiles', true);
  const profiles: CliProfile[] = [];
  if (profilesNode !== undefined && profilesNode !== null && !isNullScalar(profilesNode)) {
    if (!isMap(profilesNode)) {
      problems.push(`${at(profilesNode)}: "profiles" must be a mapping of profile names`);
    } else {
      for (const pair of profilesNode.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const value = name === undefined ? undefined : values[name];
        if (name === undefined || name === '' || typeof value !== 'object' || value === null || Array.isArray(value)) {
          problems.push(`${at(pair.key)}: each profile must be a mapping under its name`);
          continue;
        }
        profiles.push(readProfile(name, value as Record<string, unknown>));
      }
    }
  }
  return {
    ok: true,
    config: { ...(typeof current === 'string' && current !== '' ? { currentProfile: current } : {}), profiles },
    problems,
  };
}

function readProfile(name: string, profile: Record<string, unknown>): CliProfile {
  const credentials = readCredentials(profile.credentials);
  const user = profile.user;
  const email =
    typeof user === 'object' && user !== null && typeof (user as { email?: unknown }).email === 'string'
      ? (user as { email: string }).email
      : undefined;
  return {
    name,
    server: typeof profile.server === 'string' ? profile.server : undefined,
    // The CLI treats anything but "keychain" (also a missing value) as the file store.
    credentialStore: profile.credential_store === 'keychain' ? 'keychain' : 'file',
    ...(credentials ? { credentials } : {}),
    ...(email ? { userEmail: email } : {}),
  };
}

function readCredentials(value: unknown): CliFileCredentials | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const field = raw[key];
    return typeof field === 'string' && field.trim() !== '' ? field.trim() : undefined;
  };
  const expires = raw.expires_at;
  const credentials: CliFileCredentials = {
    ...(text('access_token') ? { accessToken: text('access_token') } : {}),
    ...(text('refresh_token') ? { refreshToken: text('refresh_token') } : {}),
    ...(typeof expires === 'number' && Number.isFinite(expires) && expires > 0 ? { expiresAt: expires } : {}),
    ...(text('api_key') ? { apiKey: text('api_key') } : {}),
  };
  return credentials.accessToken || credentials.apiKey ? credentials : undefined;
}

function isNullScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null;
}

/** The parser's message without the part after ": ", where it would quote the file (and so maybe a token). */
function safeMessage(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/:\s.*$/, '').trim();
}
