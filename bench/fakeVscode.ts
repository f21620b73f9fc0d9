/**
 * A small stand-in for the `vscode` module: just what the extension's
 * `activate()` touches, doing nothing. Every namespace is strict: reading a
 * member the stand-in lacks is recorded (and throws), so the activation probe
 * fails loudly instead of timing a different code path.
 */

import Module from 'node:module';

/** Names of members the extension read but the stand-in does not provide. */
export const missingMembers: string[] = [];

const TOLERATED = new Set(['__esModule', 'default', 'then', 'toJSON', 'constructor']);

function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'symbol' || property in object) return Reflect.get(object, property, receiver);
      if (TOLERATED.has(property)) return undefined;
      missingMembers.push(`${name}.${property}`);
      throw new Error(`the stand-in vscode module lacks ${name}.${property}`);
    },
  });
}

type Listener = (value: unknown) => void;

class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  constructor(private readonly onDispose: () => void = () => undefined) {}
  dispose(): void {
    this.onDispose();
  }
}

class EventEmitter {
  private listeners: Listener[] = [];
  readonly event = (listener: Listener): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
  };
  fire(value?: unknown): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class Uri {
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(text: string): Uri {
    const [scheme = 'file', rest = ''] = text.split(':', 2);
    return new Uri(scheme, rest);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...segments].join('/'));
  }
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

class CodeActionKind {
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly RefactorExtract = new CodeActionKind('refactor.extract');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(`${this.value}.${part}`);
  }
}

/** A class whose instances keep whatever they are constructed with. */
function plainClass(name: string): new (...args: unknown[]) => object {
  return {
    [name]: class {
      readonly args: unknown[];
      constructor(...args: unknown[]) {
        this.args = args;
      }
    },
  }[name] as new (...args: unknown[]) => object;
}

const noDisposable = (): Disposable => new Disposable();
const event = (): Disposable => new Disposable();
const resolved = (): Promise<undefined> => Promise.resolve(undefined);

function configuration(): object {
  return strict('WorkspaceConfiguration', {
    get: (_key: string, defaultValue?: unknown) => defaultValue,
    has: () => false,
    inspect: () => undefined,
    update: resolved,
  });
}

function outputChannel(name: string): object {
  const nothing = (): void => undefined;
  return strict('LogOutputChannel', {
    name,
    logLevel: 2,
    onDidChangeLogLevel: event,
    trace: nothing,
    debug: nothing,
    info: nothing,
    warn: nothing,
    error: nothing,
    append: nothing,
    appendLine: nothing,
    replace: nothing,
    clear: nothing,
    show: nothing,
    hide: nothing,
    dispose: nothing,
  });
}

function treeView(): object {
  return strict('TreeView', {
    badge: undefined,
    message: undefined,
    title: undefined,
    description: undefined,
    visible: true,
    selection: [],
    onDidChangeVisibility: event,
    onDidChangeSelection: event,
    onDidExpandElement: event,
    onDidCollapseElement: event,
    reveal: resolved,
    dispose: () => undefined,
  });
}

function diagnosticCollection(): object {
  return strict('DiagnosticCollection', {
    set: () => undefined,
    delete: () => undefined,
    clear: () => undefined,
    forEach: () => undefined,
    get: () => undefined,
    has: () => false,
    dispose: () => undefined,
  });
}

/** Builds the stand-in module object. */
export function createFakeVscode(): object {
  return strict('vscode', {
    Disposable,
    EventEmitter,
    Uri,
    TreeItem: plainClass('TreeItem'),
    ThemeIcon: plainClass('ThemeIcon'),
    ThemeColor: plainClass('ThemeColor'),
    MarkdownString: plainClass('MarkdownString'),
    Range: plainClass('Range'),
    Position: plainClass('Position'),
    Selection: plainClass('Selection'),
    Diagnostic: plainClass('Diagnostic'),
    CodeAction: plainClass('CodeAction'),
    CompletionItem: plainClass('CompletionItem'),
    Hover: plainClass('Hover'),
    WorkspaceEdit: plainClass('WorkspaceEdit'),
    RelativePattern: plainClass('RelativePattern'),
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    CodeActionKind,
    CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
    CompletionItemKind: { Constant: 20 },
    CompletionItemTag: { Deprecated: 1 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    InputBoxValidationSeverity: { Info: 1, Warning: 2, Error: 3 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
    window: strict('window', {
      activeTextEditor: undefined,
      createOutputChannel: outputChannel,
      createTreeView: treeView,
      registerWebviewPanelSerializer: noDisposable,
      createWebviewPanel: () => {
        throw new Error('activate() must not open a webview');
      },
      showInformationMessage: resolved,
      showWarningMessage: resolved,
      showErrorMessage: resolved,
      showInputBox: resolved,
      showQuickPick: resolved,
      showOpenDialog: resolved,
      showSaveDialog: resolved,
      showTextDocument: resolved,
      withProgress: resolved,
      onDidChangeActiveTextEditor: event,
      visibleTextEditors: [],
      onDidChangeVisibleTextEditors: event,
      createStatusBarItem: () =>
        strict('StatusBarItem', {
          name: '',
          text: '',
          tooltip: undefined,
          command: undefined,
          show: () => undefined,
          hide: () => undefined,
          dispose: () => undefined,
        }),
    }),
    workspace: strict('workspace', {
      isTrusted: true,
      workspaceFolders: undefined,
      textDocuments: [],
      getConfiguration: configuration,
      getWorkspaceFolder: () => undefined,
      asRelativePath: (path: string) => path,
      openTextDocument: resolved,
      applyEdit: resolved,
      fs: strict('workspace.fs', { readFile: resolved, writeFile: resolved, stat: resolved, readDirectory: resolved }),
      createFileSystemWatcher: () =>
        strict('FileSystemWatcher', {
          onDidCreate: event,
          onDidChange: event,
          onDidDelete: event,
          dispose: () => undefined,
        }),
      onDidChangeWorkspaceFolders: event,
      onDidChangeConfiguration: event,
      onDidGrantWorkspaceTrust: event,
      onDidOpenTextDocument: event,
      onDidChangeTextDocument: event,
      onDidCloseTextDocument: event,
      onDidSaveTextDocument: event,
    }),
    languages: strict('languages', {
      registerCompletionItemProvider: noDisposable,
      registerHoverProvider: noDisposable,
      registerCodeActionsProvider: noDisposable,
      createDiagnosticCollection: diagnosticCollection,
      match: () => 0,
    }),
    commands: strict('commands', {
      registerCommand: noDisposable,
      executeCommand: resolved,
    }),
    env: strict('env', {
      clipboard: strict('env.clipboard', { writeText: resolved, readText: () => Promise.resolve('') }),
    }),
  });
}

/** An ExtensionContext for `activate()`, with empty storage. */
export function createFakeExtensionContext(extensionPath: string): { subscriptions: { dispose(): unknown }[] } {
  const memento = (): object =>
    strict('Memento', { get: (_key: string, value?: unknown) => value, update: resolved, keys: () => [] });
  return strict('ExtensionContext', {
    subscriptions: [] as { dispose(): unknown }[],
    extensionPath,
    extensionUri: Uri.file(extensionPath),
    extensionMode: 1,
    globalState: memento(),
    workspaceState: memento(),
    secrets: strict('SecretStorage', {
      get: resolved,
      store: resolved,
      delete: resolved,
      onDidChange: event,
    }),
    asAbsolutePath: (relative: string) => `${extensionPath}/${relative}`,
  });
}

const FAKE_ID = '\0fluxbase-bench-vscode';

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as {
  _resolveFilename: ResolveFilename;
  _cache: Record<string, unknown>;
};

/** Makes `require('vscode')` in this process return the stand-in (call before loading code that imports it). */
export function installFakeVscode(): void {
  const fake = new Module(FAKE_ID);
  fake.exports = createFakeVscode();
  fake.loaded = true;
  moduleInternals._cache[FAKE_ID] = fake;
  const resolve = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? FAKE_ID : resolve.call(this, request, ...rest);
  };
}
