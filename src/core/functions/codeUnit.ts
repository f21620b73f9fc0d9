/**
 * What a file of a workspace folder is, in the layout the Fluxbase CLI and
 * server use (contract part 2, §1.1, §1.3, §1.7): a function or a job (flat
 * `<name>.ts|.js`, or a `<name>/` directory with `index.ts` and its supporting
 * files), a `_shared/` module, or nothing the server runs.
 */

/** Functions (`fluxbase/functions/`, `functions/`) or jobs (`fluxbase/jobs/`, `jobs/`). */
export type ResourceKind = 'functions' | 'jobs';

/** How a function or job is laid out: a flat file (CLI sync) or a directory with `index.ts` (server loader). */
export type UnitForm = 'flat' | 'index';

/** One function or job found in a resource directory. */
export interface ResourceUnit {
  name: string;
  form: UnitForm;
  /** Folder-relative path of the flat file, or of the `<name>` directory. */
  root: string;
}

/** A resource directory of a workspace folder and what it holds. */
export interface ResourceDirectory {
  kind: ResourceKind;
  /** Folder-relative POSIX path, `''` for the folder itself. */
  dir: string;
  /** How the directory was chosen, for tooltips. */
  origin: 'setting' | 'detected';
  units: readonly ResourceUnit[];
}

/** The functions and jobs directories of one workspace folder (either may be absent). */
export interface FolderLayout {
  functions?: ResourceDirectory;
  jobs?: ResourceDirectory;
}

/** A file that is a function or a job, or part of one. */
export interface RunnableUnit {
  kind: 'function' | 'job';
  name: string;
  form: UnitForm;
  /** Folder-relative path of the unit's flat file or directory, what namespace settings match. */
  root: string;
}

/** A module under `_shared/`: it runs wherever one of `importers` runs. */
export interface SharedModule {
  kind: 'shared';
  resource: ResourceKind;
  /** The functions (or jobs) of the same directory, which can import it. */
  importers: readonly RunnableUnit[];
}

/** What a file is; `none` keeps the code features namespace-agnostic. */
export type CodeUnit = RunnableUnit | SharedModule | { kind: 'none' };

/** The shared-modules directory name the CLI and server skip as a function. */
export const SHARED_DIR = '_shared';

/**
 * Classifies a folder-relative POSIX path against the folder's layout. Only
 * files the layout scan found count: a flat top-level `.ts`/`.js` file, any
 * file inside a `<name>/` directory that has `index.ts`, and anything under
 * `_shared/`.
 */
export function classifyFile(layout: FolderLayout, path: string): CodeUnit {
  for (const directory of [layout.functions, layout.jobs]) {
    if (!directory) {
      continue;
    }
    const inside = relativeInside(directory.dir, path);
    if (inside === undefined) {
      continue;
    }
    const [first, ...rest] = inside.split('/');
    if (first === SHARED_DIR && rest.length > 0) {
      return {
        kind: 'shared',
        resource: directory.kind,
        importers: directory.units.map((u) => runnable(directory, u)),
      };
    }
    const unit = directory.units.find((u) => u.root === joinPath(directory.dir, first ?? ''));
    if (unit && (unit.form === 'flat' ? rest.length === 0 : rest.length > 0)) {
      return runnable(directory, unit);
    }
  }
  return { kind: 'none' };
}

function runnable(directory: ResourceDirectory, unit: ResourceUnit): RunnableUnit {
  return {
    kind: directory.kind === 'functions' ? 'function' : 'job',
    name: unit.name,
    form: unit.form,
    root: unit.root,
  };
}

/** `path` relative to `dir` when it lies inside it, else undefined. */
function relativeInside(dir: string, path: string): string | undefined {
  if (dir === '') {
    return path;
  }
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : undefined;
}

/** Joins folder-relative POSIX segments, `''` being the folder itself. */
export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** `function charge-customer`, `job cleanup`: for messages. */
export function describeUnit(unit: RunnableUnit): string {
  return `${unit.kind} ${unit.name}`;
}
