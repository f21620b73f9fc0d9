import * as assert from 'node:assert/strict';
import Module from 'node:module';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The result of running a second copy of the extension's activate(). */
export interface BundleCopyActivation {
  /** What activate() returned. */
  exports: unknown;
  /** The ids that registration calls claimed (commands, the tree view, the webview serializer). */
  registeredIds: string[];
  /** Disposes everything the copy put on its context's subscriptions. */
  dispose(): void;
}

type ModuleLoader = { _load(request: string, parent: { filename?: string } | undefined, isMain: boolean): unknown };

/**
 * Loads a fresh copy of the extension's bundle (its `main`) and runs its
 * activate() with a context of the given `mode`, beside the instance VS Code
 * activated. The copy gets the real `vscode` API except the three calls that
 * claim a global id the real instance already holds (registerCommand,
 * createTreeView, registerWebviewPanelSerializer): those are recorded and
 * answered with inert objects, so nothing the running instance registered is
 * replaced. Its log channel discards its lines (a real one disposed right
 * after creation makes VS Code report leaks, and the copy's first refresh may
 * still log after disposal). Its SecretStorage is an empty in-memory one.
 */
export function activateBundleCopy(
  extension: vscode.Extension<unknown>,
  mode: vscode.ExtensionMode,
): BundleCopyActivation {
  const registeredIds: string[] = [];
  const claim = (id: string): vscode.Disposable => {
    registeredIds.push(id);
    return new vscode.Disposable(() => undefined);
  };
  const api: typeof vscode = {
    ...vscode,
    commands: Object.create(vscode.commands, { registerCommand: { value: (id: string) => claim(id) } }),
    window: Object.create(vscode.window, {
      createTreeView: { value: (id: string) => (claim(id), inertTreeView()) },
      registerWebviewPanelSerializer: { value: (viewType: string) => claim(viewType) },
      createOutputChannel: { value: (name: string) => silentLogChannel(name) },
    }),
  };
  const subscriptions: vscode.Disposable[] = [];
  const context = {
    extensionMode: mode,
    subscriptions,
    extensionUri: extension.extensionUri,
    extensionPath: extension.extensionPath,
    secrets: memorySecretStorage(),
  } as unknown as vscode.ExtensionContext;

  const bundle = require.resolve(path.join(extension.extensionPath, String(extension.packageJSON.main)));
  const loaded = loadFresh(bundle, api) as { activate(context: vscode.ExtensionContext): unknown };
  assert.equal(typeof loaded.activate, 'function', 'the bundle exports activate');
  const exports = loaded.activate(context);
  return {
    exports,
    registeredIds,
    dispose: () => {
      for (const subscription of subscriptions.reverse()) {
        subscription.dispose();
      }
    },
  };
}

/** Requires `file` anew, with `api` as the `vscode` module it imports; the cached copy, if any, is put back. */
function loadFresh(file: string, api: typeof vscode): unknown {
  const loader = Module as unknown as ModuleLoader;
  const original = loader._load;
  const cached = require.cache[file];
  delete require.cache[file];
  loader._load = function (request, parent, isMain) {
    return request === 'vscode' && parent?.filename === file ? api : original.call(this, request, parent, isMain);
  };
  try {
    // A require, not an import: the bundle is found at run time and must be loaded anew.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as unknown;
  } finally {
    loader._load = original;
    if (cached) {
      require.cache[file] = cached;
    } else {
      delete require.cache[file];
    }
  }
}

function inertTreeView(): vscode.TreeView<unknown> {
  const never = new vscode.EventEmitter<never>().event;
  return {
    selection: [],
    visible: false,
    badge: undefined,
    message: undefined,
    title: undefined,
    description: undefined,
    onDidChangeSelection: never,
    onDidChangeVisibility: never,
    onDidExpandElement: never,
    onDidCollapseElement: never,
    onDidChangeCheckboxState: never,
    reveal: () => Promise.resolve(),
    dispose: () => undefined,
  };
}

function silentLogChannel(name: string): vscode.LogOutputChannel {
  const ignore = (): void => undefined;
  return {
    name,
    logLevel: vscode.LogLevel.Info,
    onDidChangeLogLevel: new vscode.EventEmitter<vscode.LogLevel>().event,
    trace: ignore,
    debug: ignore,
    info: ignore,
    warn: ignore,
    error: ignore,
    append: ignore,
    appendLine: ignore,
    replace: ignore,
    clear: ignore,
    show: ignore,
    hide: ignore,
    dispose: ignore,
  };
}

function memorySecretStorage(): vscode.SecretStorage {
  const values = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  return {
    get: (key) => Promise.resolve(values.get(key)),
    store: (key, value) => {
      values.set(key, value);
      changed.fire({ key });
      return Promise.resolve();
    },
    delete: (key) => {
      values.delete(key);
      changed.fire({ key });
      return Promise.resolve();
    },
    onDidChange: changed.event,
  };
}
