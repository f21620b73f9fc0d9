import { scanSecretReferences } from '../code/referenceScanner';
import { globToRegExp } from './declaredNamespaces';

/** Where one file reads a variable: the folder-relative path and how often. */
export interface FileReferences {
  path: string;
  count: number;
}

/**
 * The workspace's secret references, per file, kept incrementally: a file
 * added or changed is scanned again (the scanner of the code features), a
 * deleted one dropped, a renamed one moved. Excluded paths (`files.exclude`
 * and `search.exclude` globs) are never indexed. Answers which files read a
 * variable and whether anything does.
 */
export class ReferenceIndex {
  private readonly byFile = new Map<string, Map<string, number>>();
  private readonly byVariable = new Map<string, Set<string>>();
  private readonly excludes: RegExp[];

  constructor(excludeGlobs: readonly string[] = []) {
    this.excludes = excludeGlobs.map((glob) => globToRegExp(glob.replace(/^\.\//, '')));
  }

  /** True when a path matches an exclude glob (or lies under a matching folder). */
  isExcluded(path: string): boolean {
    const parts = path.split('/');
    return this.excludes.some((pattern) => parts.some((_, i) => pattern.test(parts.slice(0, i + 1).join('/'))));
  }

  /** Indexes `text` as the content of `path` (added or changed); excluded paths are dropped instead. */
  update(path: string, text: string): void {
    this.remove(path);
    if (this.isExcluded(path)) {
      return;
    }
    const counts = new Map<string, number>();
    for (const reference of scanSecretReferences(text)) {
      counts.set(reference.variable, (counts.get(reference.variable) ?? 0) + 1);
    }
    if (counts.size === 0) {
      return;
    }
    this.byFile.set(path, counts);
    for (const variable of counts.keys()) {
      let files = this.byVariable.get(variable);
      if (!files) {
        files = new Set();
        this.byVariable.set(variable, files);
      }
      files.add(path);
    }
  }

  /** Forgets a deleted file (or a folder: every file under it). */
  remove(path: string): void {
    for (const file of [...this.byFile.keys()].filter((f) => f === path || f.startsWith(`${path}/`))) {
      for (const variable of this.byFile.get(file)?.keys() ?? []) {
        const files = this.byVariable.get(variable);
        files?.delete(file);
        if (files?.size === 0) {
          this.byVariable.delete(variable);
        }
      }
      this.byFile.delete(file);
    }
  }

  /** Moves a renamed file or folder without scanning it again (unless the new path is excluded). */
  rename(from: string, to: string): void {
    const moved = [...this.byFile.entries()].filter(([f]) => f === from || f.startsWith(`${from}/`));
    for (const [file, counts] of moved) {
      this.remove(file);
      const target = to + file.slice(from.length);
      if (this.isExcluded(target)) {
        continue;
      }
      this.byFile.set(target, counts);
      for (const variable of counts.keys()) {
        const files = this.byVariable.get(variable) ?? new Set<string>();
        files.add(target);
        this.byVariable.set(variable, files);
      }
    }
  }

  /** The files that read `variable`, sorted by path. */
  filesReading(variable: string): FileReferences[] {
    return [...(this.byVariable.get(variable) ?? [])]
      .sort()
      .map((path) => ({ path, count: this.byFile.get(path)?.get(variable) ?? 0 }));
  }

  /** Whether any indexed file reads `variable`. */
  isReferenced(variable: string): boolean {
    return this.byVariable.has(variable);
  }

  /** How many files hold at least one reference. */
  get fileCount(): number {
    return this.byFile.size;
  }
}
