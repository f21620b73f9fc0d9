import { readFileSync } from 'node:fs';
import { readExtensionManifest } from '../../support/manifest';
import { findExtensionLogFile } from '../../unit/reliability/support/extensionLogFile';
import { eventually } from './eventually';

/** What the extension has written to its "Fluxbase Secrets" log channel so far ('' before the file exists). */
export function extensionLogText(): string {
  const file = findExtensionLogFile(readExtensionManifest().extensionId, 'Fluxbase Secrets');
  return file ? readFileSync(file, 'utf8') : '';
}

/** Waits until the extension's log matches `pattern` (fails with `what` after `ms`) and resolves to its text. */
export function extensionLogMatching(pattern: RegExp, what: string, ms = 20_000): Promise<string> {
  return eventually(
    what,
    () => {
      const log = extensionLogText();
      return pattern.test(log) ? log : undefined;
    },
    ms,
  );
}
