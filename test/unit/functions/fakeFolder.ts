import type { DirectoryEntry, FolderProbe } from '../../../src/core/functions/folderLayout';

/** A folder probe over a list of folder-relative file paths (directories are implied). */
export function fakeFolder(files: readonly string[]): FolderProbe & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readDirectory: (path) => {
      reads.push(path);
      const prefix = path === '' ? '' : `${path}/`;
      const below = files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
      if (below.length === 0) {
        return Promise.resolve(undefined);
      }
      const entries = new Map<string, DirectoryEntry['type']>();
      for (const rest of below) {
        const [first, ...more] = rest.split('/');
        entries.set(first as string, more.length > 0 ? 'directory' : 'file');
      }
      return Promise.resolve([...entries].map(([name, type]) => ({ name, type })));
    },
  };
}
