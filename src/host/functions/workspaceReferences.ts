import * as vscode from 'vscode';
import type { CodeRange } from '../../core/commandArgument';
import type { ReferencesPort } from '../../core/commands/hostPorts';
import { scanSecretReferences } from '../../core/code/referenceScanner';
import { ReferenceIndex } from '../../core/functions/referenceIndex';
import { ReferenceIndexQueue } from '../../core/functions/referenceIndexQueue';
import { codeReaders } from '../../core/functions/secretUsage';
import { DisposableStore, Emitter } from '../../shared/disposable';
import type { Logger } from '../../shared/logger';
import type { SecretUsageView } from '../../shared/secretUsage';
import { placeOf } from './functionContexts';
import type { CodeUnit } from '../../core/functions/codeUnit';

/** The files the reference scanner reads: JavaScript and TypeScript in every module flavour. */
export const INDEXED_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'] as const;
const INDEXED_FILE = new RegExp(`\\.(${INDEXED_EXTENSIONS.join('|')})$`);
const INDEXED_GLOB = `**/*.{${INDEXED_EXTENSIONS.join(',')}}`;
/** Larger files are generated bundles, not code that reads secrets; skipping them bounds one file's slice. */
export const MAX_INDEXED_BYTES = 256 * 1024;

/** What a file is for the readers list: the function contexts answer from their cached layouts. */
export type UnitOf = (uri: vscode.Uri) => CodeUnit | undefined;

interface FolderIndex {
  folder: vscode.WorkspaceFolder;
  queue: ReferenceIndexQueue;
  disposables: DisposableStore;
  /** Settles once the folder's code files are listed and queued. */
  listed: Promise<void>;
  isListed: boolean;
}

/**
 * The workspace's reference index: one ReferenceIndex per workspace folder,
 * fed through a ReferenceIndexQueue (bounded batches that yield to the event
 * loop), built on `start()` (after activation, and only if the folder has
 * code) and kept up to date on file creates, changes, deletes and renames.
 * `files.exclude` and `search.exclude` globs are never indexed; a change of
 * either rebuilds the folder. Answers the tooltip, the history page and
 * Find References.
 */
export class WorkspaceReferences implements ReferencesPort, vscode.Disposable {
  private readonly folders = new Map<string, FolderIndex>();
  private readonly disposables = new DisposableStore();
  private readonly changed = new Emitter<void>();
  private started = false;
  private listening = false;
  /** Fires after each indexed batch. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly unitOf: UnitOf,
    private readonly logger: Logger,
  ) {
    this.disposables.add(this.changed);
  }

  /** Starts indexing every workspace folder in the background; later calls do nothing. */
  start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    this.disposables.add(
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        event.removed.forEach((folder) => this.dropFolder(folder));
        event.added.forEach((folder) => this.indexFolder(folder));
      }),
    );
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      this.indexFolder(folder);
    }
  }

  /** The workspace-wide listeners, once the first folder is indexed (a window without folders has none). */
  private listen(): void {
    if (this.listening) {
      return;
    }
    this.listening = true;
    this.disposables.add(
      vscode.workspace.onDidChangeConfiguration((event) => {
        for (const { folder } of [...this.folders.values()]) {
          if (
            event.affectsConfiguration('files.exclude', folder.uri) ||
            event.affectsConfiguration('search.exclude', folder.uri)
          ) {
            this.dropFolder(folder);
            this.indexFolder(folder);
          }
        }
      }),
    );
    // Creates and deletes made in the editor, reported at once (the watcher may coalesce a quick create + delete).
    this.disposables.add(
      vscode.workspace.onDidCreateFiles((event) => event.files.forEach((uri) => this.changedFile(uri))),
    );
    this.disposables.add(
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.deletedFile(uri))),
    );
    this.disposables.add(
      vscode.workspace.onDidRenameFiles((event) => {
        for (const { oldUri, newUri } of event.files) {
          const from = placeOf(oldUri);
          const to = placeOf(newUri);
          const index = from && this.folders.get(from.folder.uri.toString());
          if (from && to && index && from.folder === to.folder) {
            index.queue.rename(from.path, to.path);
          }
        }
      }),
    );
  }

  /** What the workspace knows of a variable: undefined before `start()`, not indexed while a folder is busy. */
  usage(variable: string): SecretUsageView | undefined {
    if (!this.started) {
      return undefined;
    }
    if ([...this.folders.values()].some((f) => !f.isListed || f.queue.busy)) {
      return { indexed: false };
    }
    const several = this.folders.size > 1;
    const files = [...this.folders.values()].flatMap(({ folder, queue }) =>
      queue.index.filesReading(variable).map((file) => ({
        path: several ? `${folder.name}/${file.path}` : file.path,
        count: file.count,
        unit: this.unitOf(vscode.Uri.joinPath(folder.uri, ...file.path.split('/'))) ?? { kind: 'none' as const },
      })),
    );
    return { indexed: true, readers: codeReaders(files) };
  }

  /** Resolves once every folder has indexed what is queued (tests, Find References). */
  async idle(): Promise<void> {
    this.start();
    await Promise.all(
      [...this.folders.values()].map(async (f) => {
        await f.listed;
        await f.queue.idle();
      }),
    );
  }

  async locate(variable: string): Promise<CodeRange[]> {
    await this.idle();
    const locations: CodeRange[] = [];
    for (const { folder, queue } of this.folders.values()) {
      for (const file of queue.index.filesReading(variable)) {
        const uri = vscode.Uri.joinPath(folder.uri, ...file.path.split('/'));
        const document = await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
        if (!document) {
          continue;
        }
        for (const reference of scanSecretReferences(document.getText())) {
          if (reference.variable === variable) {
            const start = document.positionAt(reference.literal.contentStart);
            const end = document.positionAt(reference.literal.contentEnd);
            locations.push({ uri: uri.toString(), start, end });
          }
        }
      }
    }
    return locations;
  }

  async show(variable: string, locations: readonly CodeRange[]): Promise<void> {
    const vscodeLocations = locations.map(
      (l) =>
        new vscode.Location(
          vscode.Uri.parse(l.uri),
          new vscode.Range(l.start.line, l.start.character, l.end.line, l.end.character),
        ),
    );
    const first = vscodeLocations[0];
    if (!first) {
      return;
    }
    this.logger.info(`Find References: ${locations.length} reference(s) to ${variable}.`);
    await vscode.commands.executeCommand('editor.action.showReferences', first.uri, first.range.start, vscodeLocations);
  }

  private indexFolder(folder: vscode.WorkspaceFolder): void {
    this.listen();
    const key = folder.uri.toString();
    const index = new ReferenceIndex(excludeGlobs(folder));
    const disposables = new DisposableStore();
    const queue = disposables.add(
      new ReferenceIndexQueue(index, {
        read: (path) => readCode(vscode.Uri.joinPath(folder.uri, ...path.split('/'))),
        yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
      }),
    );
    const entry: FolderIndex = { folder, queue, disposables, listed: Promise.resolve(), isListed: false };
    this.folders.set(key, entry);
    disposables.add(queue.onDidIndex(() => this.changed.fire()));
    const watcher = disposables.add(
      vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*')),
    );
    disposables.add(watcher.onDidCreate((uri) => void this.created(uri)));
    // A folder deleted and made again may be reported as one change of the folder: listed as created.
    disposables.add(watcher.onDidChange((uri) => void this.created(uri)));
    disposables.add(watcher.onDidDelete((uri) => void this.deletedOnDisk(uri)));
    entry.listed = this.listFolder(entry).finally(() => (entry.isListed = true));
  }

  /** Lists the folder's code files (out of process, `files.exclude` applied) and queues those not excluded. */
  private async listFolder({ folder, queue }: FolderIndex): Promise<void> {
    try {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, INDEXED_GLOB));
      if (this.folders.get(folder.uri.toString())?.queue !== queue) {
        return;
      }
      const paths = uris.flatMap((uri) => {
        const place = placeOf(uri);
        return place && !queue.index.isExcluded(place.path) ? [place.path] : [];
      });
      this.logger.info(`Indexing secret references in ${paths.length} file(s) of ${folder.name}.`);
      queue.update(paths);
    } catch (error) {
      this.logger.warn(`Could not list the code files of ${folder.name}: ${String(error)}`);
    }
  }

  /** A file created or changed: queued when it is code and not excluded. */
  private changedFile(uri: vscode.Uri): void {
    const place = placeOf(uri);
    const folder = place && this.folders.get(place.folder.uri.toString());
    if (place && folder && INDEXED_FILE.test(place.path) && !folder.queue.index.isExcluded(place.path)) {
      folder.queue.update([place.path]);
    }
  }

  /**
   * A file or folder created. The watcher may report only a new folder, not
   * the files written into it right after (a checkout, a copy): its code
   * files are listed and queued.
   */
  private async created(uri: vscode.Uri): Promise<void> {
    const place = placeOf(uri);
    if (!place || INDEXED_FILE.test(place.path)) {
      this.changedFile(uri);
      return;
    }
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (stat && stat.type & vscode.FileType.Directory) {
      const files = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, INDEXED_GLOB));
      files.forEach((file) => this.changedFile(file));
    }
  }

  /**
   * The watcher's delete, which can arrive after the path was made again (a
   * folder removed and written anew at once): forgotten only if it is still
   * gone, else listed as created.
   */
  private async deletedOnDisk(uri: vscode.Uri): Promise<void> {
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (stat) {
      await this.created(uri);
    } else {
      this.deletedFile(uri);
    }
  }

  /** A file or folder deleted: its references are forgotten. */
  private deletedFile(uri: vscode.Uri): void {
    const place = placeOf(uri);
    this.folders.get(place?.folder.uri.toString() ?? '')?.queue.remove(place?.path ?? '');
  }

  private dropFolder(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    this.folders.get(key)?.disposables.dispose();
    this.folders.delete(key);
    this.changed.fire();
  }

  dispose(): void {
    for (const { disposables } of this.folders.values()) {
      disposables.dispose();
    }
    this.folders.clear();
    this.disposables.dispose();
  }
}

/** The globs of `files.exclude` and `search.exclude` that are on for the folder. */
function excludeGlobs(folder: vscode.WorkspaceFolder): string[] {
  return ['files', 'search'].flatMap((section) => {
    const setting = vscode.workspace.getConfiguration(section, folder.uri).get<Record<string, unknown>>('exclude');
    return Object.entries(setting ?? {})
      .filter(([, on]) => on === true)
      .map(([glob]) => glob);
  });
}

/** A code file's text; undefined when it is gone, too large or not UTF-8 text. */
async function readCode(uri: vscode.Uri): Promise<string | undefined> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > MAX_INDEXED_BYTES) {
    return undefined;
  }
  const bytes = await vscode.workspace.fs.readFile(uri);
  return new TextDecoder().decode(bytes);
}
