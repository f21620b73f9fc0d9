import * as vscode from 'vscode';
import type { SecretCatalog } from '../../core/explorer/secretCatalog';
import { DisposableStore, Emitter } from '../../shared/disposable';
import { classifyFile, type CodeUnit, type FolderLayout } from '../../core/functions/codeUnit';
import { scanFolderLayout, type DirectoryEntry, type FolderProbe } from '../../core/functions/folderLayout';
import { resolveFunctionContext, type FunctionContext } from '../../core/functions/functionNamespaces';
import type { RegistryCache } from '../../core/functions/registryListing';
import type { Logger } from '../../shared/logger';
import { affectsFunctionSettings, readLayoutOverrides, readNamespaceMapping } from './functionSettings';

/** Where a document sits: its workspace folder and its folder-relative POSIX path. */
export interface DocumentPlace {
  folder: vscode.WorkspaceFolder;
  path: string;
}

/**
 * Which function, job or shared module each document is and where it runs,
 * for the code features. Keeps one scanned layout per workspace folder
 * (rescanned when files are created or deleted there, or the settings
 * change) and resolves namespaces from the registry cache, the namespace
 * setting and the default. Reads are synchronous from the cache; a folder
 * not scanned yet is scanned in the background and `onDidChange` fires.
 */
export class FunctionContexts implements vscode.Disposable {
  private readonly layouts = new Map<string, FolderLayout>();
  private readonly scanning = new Map<string, Promise<void>>();
  private readonly generations = new Map<string, number>();
  private readonly rescans = new Map<string, NodeJS.Timeout>();
  private readonly changed = new Emitter<void>();
  private readonly disposables = new DisposableStore();
  /** Fires after a layout scan, a registry refresh, a sign-in change or a settings change. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly catalog: SecretCatalog,
    private readonly registry: RegistryCache,
    private readonly logger: Logger,
  ) {
    this.disposables.add(this.changed);
    this.disposables.add(registry.onDidChange(() => this.changed.fire()));
    this.disposables.add(catalog.onDidChange(() => this.changed.fire()));
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.add(watcher);
    this.disposables.add(watcher.onDidCreate((uri) => this.invalidateFor(uri)));
    this.disposables.add(watcher.onDidDelete((uri) => this.invalidateFor(uri)));
    this.disposables.add(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsFunctionSettings(event)) {
          this.invalidateAll();
        }
      }),
    );
    this.disposables.add(vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidateAll()));
  }

  /** The function context of a document, from the cache; undefined for other files or a folder still scanning. */
  contextFor(uri: vscode.Uri): FunctionContext | undefined {
    const unit = this.unitFor(uri);
    const place = placeOf(uri);
    if (!unit || !place) {
      return undefined;
    }
    const connections = this.catalog.connections().map((c) => ({ ...c, registry: this.registry.get(c.id) }));
    return resolveFunctionContext(unit, connections, readNamespaceMapping(place.folder));
  }

  /** What a document is, from the cache (starting a scan of its folder when there is none). */
  unitFor(uri: vscode.Uri): CodeUnit | undefined {
    const place = placeOf(uri);
    if (!place) {
      return undefined;
    }
    const layout = this.layouts.get(place.folder.uri.toString());
    if (!layout) {
      void this.scan(place.folder);
      return undefined;
    }
    return classifyFile(layout, place.path);
  }

  /** Waits for the scan of the document's folder (tests and commands that need an answer now). */
  async ready(uri: vscode.Uri): Promise<void> {
    const place = placeOf(uri);
    if (place && !this.layouts.has(place.folder.uri.toString())) {
      await this.scan(place.folder);
    }
  }

  private scan(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    const pending = this.scanning.get(key);
    if (pending) {
      return pending;
    }
    const generation = this.generations.get(key) ?? 0;
    const run = scanFolderLayout(folderProbe(folder), folder.name, readLayoutOverrides(folder))
      .then((layout) => {
        if ((this.generations.get(key) ?? 0) === generation) {
          this.layouts.set(key, layout);
          this.changed.fire();
        }
      })
      .catch((error: unknown) =>
        this.logger.warn(`Could not read the function layout of ${folder.name}: ${String(error)}`),
      )
      .finally(() => this.scanning.delete(key));
    this.scanning.set(key, run);
    return run;
  }

  /** A file created or deleted where a layout could change: rescan that folder (once per burst). */
  private invalidateFor(uri: vscode.Uri): void {
    const place = placeOf(uri);
    if (!place || !this.layouts.has(place.folder.uri.toString()) || !mayChangeLayout(place)) {
      return;
    }
    const key = place.folder.uri.toString();
    clearTimeout(this.rescans.get(key));
    this.rescans.set(
      key,
      setTimeout(() => {
        this.rescans.delete(key);
        this.invalidate(place.folder);
        void this.scan(place.folder);
      }, RESCAN_DELAY_MS),
    );
  }

  private invalidateAll(): void {
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const folder of folders) {
      this.invalidate(folder);
    }
    this.layouts.clear();
    this.changed.fire();
  }

  private invalidate(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.layouts.delete(key);
    this.scanning.delete(key);
  }

  dispose(): void {
    for (const timer of this.rescans.values()) {
      clearTimeout(timer);
    }
    this.disposables.dispose();
  }
}

/** Files created or deleted in bursts (an install) rescan once. */
const RESCAN_DELAY_MS = 200;

/** Only paths under a directory the layout can come from matter (detected ones, or those the settings set). */
function mayChangeLayout(place: DocumentPlace): boolean {
  const first = place.path.split('/')[0] ?? '';
  if (['fluxbase', 'functions', 'jobs'].includes(first) || ['functions', 'jobs'].includes(place.folder.name)) {
    return true;
  }
  const overrides = readLayoutOverrides(place.folder);
  return [overrides.functionsDirectory, overrides.jobsDirectory].some((dir) => {
    const set = dir?.trim().replace(/^\.\//, '').replace(/\/+$/, '');
    return set !== undefined && set !== '' && (place.path === set || place.path.startsWith(`${set}/`));
  });
}

/** The workspace folder and folder-relative path of a file; undefined outside the workspace. */
export function placeOf(uri: vscode.Uri): DocumentPlace | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || !uri.path.startsWith(`${folder.uri.path.replace(/\/$/, '')}/`)) {
    return undefined;
  }
  return { folder, path: uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1) };
}

/** Reads directories of a workspace folder through `workspace.fs` (remote and virtual folders included). */
function folderProbe(folder: vscode.WorkspaceFolder): FolderProbe {
  return {
    readDirectory: async (path) => {
      const uri = path === '' ? folder.uri : vscode.Uri.joinPath(folder.uri, ...path.split('/'));
      try {
        const entries = await vscode.workspace.fs.readDirectory(uri);
        return entries.flatMap(([name, type]): DirectoryEntry[] =>
          type & vscode.FileType.Directory
            ? [{ name, type: 'directory' }]
            : type & vscode.FileType.File
              ? [{ name, type: 'file' }]
              : [],
        );
      } catch {
        return undefined;
      }
    },
  };
}
