import type { CodeReaderView } from '../../shared/secretUsage';
import type { CodeUnit } from './codeUnit';

/** One indexed file that reads a variable, with what the layout says it is. */
export interface ReadingFile {
  /** Folder-relative path, prefixed by the folder's name in a multi-root workspace. */
  path: string;
  count: number;
  unit: CodeUnit;
}

const KIND_ORDER: Record<CodeReaderView['kind'], number> = { function: 0, job: 1, shared: 2, file: 3 };

/**
 * The readers of a variable: the files of one function or job count as
 * that function or job (an `<name>/index.ts` function has several files);
 * shared modules and other files stay one reader per file. Functions first,
 * then jobs, shared modules and other files, each by name.
 */
export function codeReaders(files: readonly ReadingFile[]): CodeReaderView[] {
  const byKey = new Map<string, CodeReaderView>();
  for (const file of files) {
    const kind: CodeReaderView['kind'] =
      file.unit.kind === 'function' || file.unit.kind === 'job' || file.unit.kind === 'shared'
        ? file.unit.kind
        : 'file';
    const name = file.unit.kind === 'function' || file.unit.kind === 'job' ? file.unit.name : file.path;
    const key = `${kind}\u0000${name}`;
    const known = byKey.get(key);
    if (known) {
      known.references += file.count;
    } else {
      byKey.set(key, { kind, name, path: file.path, references: file.count });
    }
  }
  return [...byKey.values()].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
