import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './repoRoot';

/** The parts of the extension manifest (package.json) tests check against. */
export interface ExtensionManifest {
  /** `publisher.name`, the id VS Code knows the extension by. */
  extensionId: string;
  /** Every id in `contributes.commands`. */
  commandIds: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads package.json from the repository at call time, so tests follow commands as they are added. */
export function readExtensionManifest(): ExtensionManifest {
  const json: unknown = JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8'));
  if (!isRecord(json) || typeof json.publisher !== 'string' || typeof json.name !== 'string') {
    throw new Error('package.json has no publisher or name');
  }
  const contributes = isRecord(json.contributes) ? json.contributes : {};
  const commands = Array.isArray(contributes.commands) ? contributes.commands : [];
  const commandIds = commands.map((entry: unknown) => {
    if (!isRecord(entry) || typeof entry.command !== 'string') {
      throw new Error(`package.json has a malformed contributes.commands entry: ${JSON.stringify(entry)}`);
    }
    return entry.command;
  });
  return { extensionId: `${json.publisher}.${json.name}`, commandIds };
}
