import * as vscode from 'vscode';
import { HistoryPanelController, type HistoryPanelControllerDeps } from '../../core/history/historyPanelController';
import { buildHistoryPageHtml } from '../../core/history/historyPageHtml';
import type { SecretRef } from '../../shared/secretRef';
import { historyPanelTitle } from '../../core/history/historyView';
import { createNonce } from '../../core/history/nonce';
import type { HostToWebviewMessage } from '../../shared/historyProtocol';
import { noPerfMarks, type PerfMarks } from '../../shared/perfMarks';

/** The viewType of every version-history panel; the serializer is registered under it. */
export const HISTORY_VIEW_TYPE = 'fluxbaseSecrets.history';

/** A message the panel sent its page, and whether VS Code delivered it to a live page. */
export interface PostedHistoryMessage {
  message: HostToWebviewMessage;
  delivered: boolean;
}

/** What a panel's controller needs besides its page; `marks`: the benchmark's timing channel (host/bench). */
export type HistoryPanelDeps = Omit<HistoryPanelControllerDeps, 'page'> & { marks?: PerfMarks };

/** The webview options of a history panel: scripts on, and local files only from `dist/` and `media/`. */
export function historyWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * One version-history panel: a webview panel, its page and the controller
 * that drives it. Created for a secret, or around a panel VS Code restored.
 */
export class HistoryPanel implements vscode.Disposable {
  private readonly controller: HistoryPanelController;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  private readonly postEmitter = new vscode.EventEmitter<PostedHistoryMessage>();
  private disposed = false;

  /** Fires once, when the panel is closed or disposed. */
  readonly onDidDispose = this.disposeEmitter.event;

  /** Fires for each message once VS Code has taken it: what the page was sent (tests observe the page through it). */
  readonly onDidPost = this.postEmitter.event;

  /** Opens a new panel for `ref` in the active editor group. */
  static create(extensionUri: vscode.Uri, ref: SecretRef, deps: HistoryPanelDeps): HistoryPanel {
    const panel = vscode.window.createWebviewPanel(
      HISTORY_VIEW_TYPE,
      historyPanelTitle(ref, deps.source.connections?.()),
      vscode.ViewColumn.Active,
      historyWebviewOptions(extensionUri),
    );
    return new HistoryPanel(panel, extensionUri, ref, deps);
  }

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    readonly ref: SecretRef,
    deps: HistoryPanelDeps,
  ) {
    const { webview } = panel;
    const marks = deps.marks ?? noPerfMarks;
    marks.mark('history.panel');
    const updateTitle = (): void => {
      panel.title = historyPanelTitle(ref, deps.source.connections?.());
    };
    updateTitle();
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'fluxbase.svg');
    webview.options = historyWebviewOptions(extensionUri);
    this.controller = new HistoryPanelController(ref, {
      ...deps,
      page: {
        post: (message) => {
          marks.mark(`history.post.${message.type}`);
          webview.postMessage(message).then(
            (delivered) => this.postEmitter.fire({ message, delivered }),
            (error: unknown) => {
              deps.logger.warn(`History of ${ref.name}: a message to the page was not delivered (${String(error)}).`);
            },
          );
        },
        close: () => panel.dispose(),
      },
    });
    // Listen before the page exists, so that its `ready` is never missed.
    this.subscriptions.push(
      webview.onDidReceiveMessage((message: unknown) => {
        marks.mark('history.received');
        void this.controller.receive(message);
      }),
      panel.onDidDispose(() => this.dispose()),
      // A connection added, removed or renamed changes whether and how the title names it.
      deps.source.onDidChange(updateTitle),
    );
    const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments));
    webview.html = buildHistoryPageHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset('dist', 'webview.js').toString(),
      styleUri: asset('media', 'history.css').toString(),
      codiconStyleUri: asset('dist', 'codicons', 'codicon.css').toString(),
    });
  }

  /** Brings the panel to the front. */
  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.controller.dispose();
    for (const subscription of this.subscriptions.splice(0)) {
      subscription.dispose();
    }
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.postEmitter.dispose();
  }
}
