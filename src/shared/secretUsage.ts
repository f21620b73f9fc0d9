/**
 * Where the workspace reads a secret's variable, as the tooltip and the
 * history page show it. Paths and names come from the workspace and the
 * server: hostile text, escaped by whoever renders them.
 */

/** One function, job, shared module or other file that reads the variable. */
export interface CodeReaderView {
  kind: 'function' | 'job' | 'shared' | 'file';
  /** The function's or job's name; for a shared module or another file, its path. */
  name: string;
  /** The (first) file, relative to its workspace folder (the folder's name first in a multi-root workspace). */
  path: string;
  /** How many references, over all its files. */
  references: number;
}

/** Still indexing (nothing is claimed), or the readers: none means nothing in the workspace references it. */
export type SecretUsageView = { indexed: false } | { indexed: true; readers: CodeReaderView[] };

const READER_KINDS: readonly unknown[] = ['function', 'job', 'shared', 'file'];

function isCodeReaderView(value: unknown): value is CodeReaderView {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const reader = value as Record<string, unknown>;
  return (
    READER_KINDS.includes(reader.kind) &&
    typeof reader.name === 'string' &&
    typeof reader.path === 'string' &&
    typeof reader.references === 'number' &&
    Number.isSafeInteger(reader.references) &&
    reader.references > 0
  );
}

/** Checks a usage view that arrives over the history page's protocol. */
export function isSecretUsageView(value: unknown): value is SecretUsageView {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const usage = value as Record<string, unknown>;
  if (usage.indexed === false) {
    return usage.readers === undefined;
  }
  return (
    usage.indexed === true &&
    Array.isArray(usage.readers) &&
    Array.from(usage.readers as unknown[]).every(isCodeReaderView)
  );
}

/** "function", "job", "shared module" or "file": what a reader is, in words. */
export function readerKindWord(kind: CodeReaderView['kind']): string {
  return { function: 'function', job: 'job', shared: 'shared module', file: 'file' }[kind];
}

/** The words a secret that nothing reads is marked with, in the tooltip and on the history page. */
export const NO_REFERENCE_TEXT = 'No reference in this workspace';
