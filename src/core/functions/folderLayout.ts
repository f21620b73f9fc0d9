import {
  SHARED_DIR,
  joinPath,
  type FolderLayout,
  type ResourceDirectory,
  type ResourceKind,
  type ResourceUnit,
} from './codeUnit';

/** One entry of a directory listing. */
export interface DirectoryEntry {
  name: string;
  type: 'file' | 'directory';
}

/** Reads a workspace folder; the host implements it over the file system, tests over a fixed tree. */
export interface FolderProbe {
  /** The entries of a folder-relative directory (`''` is the folder), undefined when it is not a directory. */
  readDirectory(path: string): Promise<readonly DirectoryEntry[] | undefined>;
}

/** The settings that choose the directories instead of the detection. */
export interface LayoutOverrides {
  functionsDirectory?: string;
  jobsDirectory?: string;
}

/**
 * Scans one workspace folder the way the CLI finds its directories
 * (`detectResourceDir`) and lists the functions and jobs in each.
 * `folderName` is the folder's base name (a folder named `functions` is
 * itself the functions directory, as the CLI run from inside it sees it).
 */
export async function scanFolderLayout(
  probe: FolderProbe,
  folderName: string,
  overrides: LayoutOverrides = {},
): Promise<FolderLayout> {
  const [functions, jobs] = await Promise.all([
    scanResourceDirectory(probe, 'functions', folderName, overrides.functionsDirectory),
    scanResourceDirectory(probe, 'jobs', folderName, overrides.jobsDirectory),
  ]);
  return { ...(functions ? { functions } : {}), ...(jobs ? { jobs } : {}) };
}

async function scanResourceDirectory(
  probe: FolderProbe,
  kind: ResourceKind,
  folderName: string,
  override: string | undefined,
): Promise<ResourceDirectory | undefined> {
  const chosen = await detectResourceDir(probe, kind, folderName, override);
  if (!chosen) {
    return undefined;
  }
  return {
    kind,
    dir: chosen.dir,
    origin: chosen.origin,
    units: await listUnits(probe, kind, chosen.dir, chosen.entries),
  };
}

/**
 * `cli/cmd/sync.go#detectResourceDir`: a set directory if it exists (the CLI
 * errors otherwise, so nothing is found), else the folder itself when it is
 * named like the kind, else `fluxbase/<kind>/`, else `<kind>/`.
 */
export async function detectResourceDir(
  probe: FolderProbe,
  kind: ResourceKind,
  folderName: string,
  override: string | undefined,
): Promise<{ dir: string; origin: 'setting' | 'detected'; entries: readonly DirectoryEntry[] } | undefined> {
  const set = override?.trim();
  if (set) {
    const dir = normalizeFolderPath(set);
    const entries = dir === undefined ? undefined : await probe.readDirectory(dir);
    return dir !== undefined && entries ? { dir, origin: 'setting', entries } : undefined;
  }
  const candidates = [...(folderName === kind ? [''] : []), `fluxbase/${kind}`, kind];
  for (const dir of candidates) {
    const entries = await probe.readDirectory(dir);
    if (entries) {
      return { dir, origin: 'detected', entries };
    }
  }
  return undefined;
}

/** A folder-relative POSIX path without `./`, trailing slashes or `..`; undefined when it leaves the folder. */
export function normalizeFolderPath(path: string): string | undefined {
  const parts = path.replace(/\\/g, '/').split('/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || parts.includes('..')) {
    return undefined;
  }
  return parts.filter((p) => p !== '' && p !== '.').join('/');
}

async function listUnits(
  probe: FolderProbe,
  kind: ResourceKind,
  dir: string,
  entries: readonly DirectoryEntry[],
): Promise<ResourceUnit[]> {
  const flat: ResourceUnit[] = entries
    .filter((e) => e.type === 'file' && (e.name.endsWith('.ts') || e.name.endsWith('.js')))
    .map((e) => ({ name: cliUnitName(e.name), form: 'flat' as const, root: joinPath(dir, e.name) }))
    .filter((u) => u.name !== '');
  const flatNames = new Set(flat.map((u) => u.name));
  const candidates = entries.filter(
    (e) => e.type === 'directory' && e.name !== SHARED_DIR && !flatNames.has(e.name) && indexNameAllowed(kind, e.name),
  );
  const indexed = await Promise.all(
    candidates.map(async (e): Promise<ResourceUnit | undefined> => {
      const inner = await probe.readDirectory(joinPath(dir, e.name));
      const hasIndex = inner?.some((i) => i.type === 'file' && i.name === 'index.ts') ?? false;
      return hasIndex ? { name: e.name, form: 'index', root: joinPath(dir, e.name) } : undefined;
    }),
  );
  return [...flat, ...indexed.filter((u): u is ResourceUnit => u !== undefined)].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

/** The CLI's name: `strings.TrimSuffix(strings.TrimSuffix(name, ".ts"), ".js")` (`foo.test.ts` is `foo.test`). */
export function cliUnitName(fileName: string): string {
  const withoutTs = fileName.endsWith('.ts') ? fileName.slice(0, -3) : fileName;
  return withoutTs.endsWith('.js') ? withoutTs.slice(0, -3) : withoutTs;
}

const RESERVED_FUNCTION_NAMES = new Set(['.', '..', 'index', 'main', 'handler', '_', '-']);

/** The server's `ValidateFunctionName`, which its filesystem loader applies to `<name>/index.ts` directories. */
export function isValidFunctionName(name: string): boolean {
  return /^[a-zA-Z0-9_-]{1,64}$/.test(name) && !RESERVED_FUNCTION_NAMES.has(name);
}

/** Functions: the server loader's name rule. Jobs: its loader skips names starting with a dot. */
function indexNameAllowed(kind: ResourceKind, name: string): boolean {
  return kind === 'functions' ? isValidFunctionName(name) : !name.startsWith('.');
}
