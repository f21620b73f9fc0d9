import * as vscode from 'vscode';
import { ComparePanelController, type ComparePanelControllerDeps } from '../../core/compare/comparePanelController';
import { buildHistoryPageHtml } from '../../core/history/historyPageHtml';
import { createNonce } from '../../core/history/nonce';
import type { CompareColumnSpec, CompareFilter, CompareHostMessage } from '../../shared/compareProtocol';
import { historyWebviewOptions } from '../history/historyPanel';

/** The viewType of every Compare Secrets panel; the serializer is registered under it. */
export const COMPARE_VIEW_TYPE = 'fluxbaseSecrets.compare';

/** A message the panel sent its page, and whether VS Code delivered it to a live page. */
export interface PostedCompareMessage {
  message: CompareHostMessage;
  delivered: boolean;
}

/** What a panel's controller needs besides its page. */
export type ComparePanelDeps = Omit<ComparePanelControllerDeps, 'page'>;

/**
 * One Compare Secrets panel: a webview panel with the same CSP, nonce and
 * resource roots as the history page, and the controller that drives it.
 */
export class ComparePanel implements vscode.Disposable {
  private readonly controller: ComparePanelController;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly postEmitter = new vscode.EventEmitter<PostedCompareMessage>();
  private disposed = false;

  /** Fires for each message once VS Code has taken it: what the page was sent (tests observe the page through it). */
  readonly onDidPost = this.postEmitter.event;

  /** Opens a new panel comparing `columns` in the active editor group. */
  static create(extensionUri: vscode.Uri, columns: CompareColumnSpec[], deps: ComparePanelDeps): ComparePanel {
    const panel = vscode.window.createWebviewPanel(
      COMPARE_VIEW_TYPE,
      'Compare Secrets',
      vscode.ViewColumn.Active,
      historyWebviewOptions(extensionUri),
    );
    return new ComparePanel(panel, extensionUri, columns, deps);
  }

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    columns: CompareColumnSpec[],
    deps: ComparePanelDeps,
    filter: CompareFilter = 'all',
  ) {
    const { webview } = panel;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'fluxbase.svg');
    webview.options = historyWebviewOptions(extensionUri);
    this.controller = new ComparePanelController(
      columns,
      {
        ...deps,
        page: {
          post: (message) => {
            webview.postMessage(message).then(
              (delivered) => this.postEmitter.fire({ message, delivered }),
              (error: unknown) =>
                deps.logger.warn(`Compare Secrets: a message to the page was not delivered (${String(error)}).`),
            );
          },
        },
      },
      filter,
    );
    // Listen before the page exists, so that its `ready` is never missed.
    this.subscriptions.push(
      webview.onDidReceiveMessage((message: unknown) => void this.controller.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
    const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments));
    webview.html = buildHistoryPageHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset('dist', 'compare.js').toString(),
      styleUri: asset('media', 'history.css').toString(),
      extraStyleUri: asset('media', 'compare.css').toString(),
      codiconStyleUri: asset('dist', 'codicons', 'codicon.css').toString(),
      title: 'Compare Secrets',
    });
  }

  /** Fires once, when the panel is closed. */
  get onDidDispose(): vscode.Event<void> {
    return this.panel.onDidDispose;
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
    this.postEmitter.dispose();
  }
}
