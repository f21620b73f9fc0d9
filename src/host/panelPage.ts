import * as vscode from 'vscode';
import { buildHistoryPageHtml, type HistoryPageResources } from '../core/history/historyPageHtml';
import { createNonce } from '../core/history/nonce';
import type { Logger } from '../shared/logger';

/** A message a panel sent its page, and whether VS Code delivered it to a live page. */
export interface PostedPageMessage<T> {
  message: T;
  delivered: boolean;
}

/** The webview options of the extension's pages: scripts on, and local files only from `dist/` and `media/`. */
export function pageWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** What a panel's page is built from besides the webview. */
export interface PanelPageOptions {
  extensionUri: vscode.Uri;
  logger: Logger;
  /** Names the page in a log line, e.g. "History of API_KEY". */
  label: () => string;
  /** Every message the page sends, unchecked: the receiver's protocol guard decides what it is. */
  receive: (message: unknown) => void;
}

/** The page's files (paths under the extension) and what else its HTML says (historyPageHtml.ts). */
export type PanelPageContent = Pick<HistoryPageResources, 'title' | 'firstState'> & {
  script: string;
  extraStyle?: string;
};

/**
 * The webview side of a panel of this extension, the same for the history and
 * compare pages: the icon and webview options, listening to the page before
 * it exists, posting with a delivery event, the page's HTML (one CSP, a fresh
 * nonce, the shared sheet and codicons) and disposal.
 */
export class PanelPage<T> implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly postEmitter = new vscode.EventEmitter<PostedPageMessage<T>>();
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  private disposed = false;

  /** Fires for each message once VS Code has taken it: what the page was sent (tests observe the page through it). */
  readonly onDidPost = this.postEmitter.event;

  /** Fires once, when the panel is closed or disposed. */
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly options: PanelPageOptions,
  ) {
    panel.iconPath = vscode.Uri.joinPath(options.extensionUri, 'media', 'fluxbase.svg');
    panel.webview.options = pageWebviewOptions(options.extensionUri);
    // Listen before the page exists, so that its `ready` is never missed.
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: unknown) => options.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Delivers `message` to the page; it is lost if no page listens yet (the `ready` handshake makes up for it). */
  post(message: T): void {
    this.panel.webview.postMessage(message).then(
      (delivered) => this.postEmitter.fire({ message, delivered }),
      (error: unknown) =>
        this.options.logger.warn(
          `${this.options.label()}: a message to the page was not delivered (${String(error)}).`,
        ),
    );
  }

  /** Gives the webview its page; does nothing once the panel is gone. */
  setHtml(content: PanelPageContent): void {
    if (this.disposed) {
      return;
    }
    const { webview } = this.panel;
    const asset = (path: string): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.options.extensionUri, ...path.split('/'))).toString();
    webview.html = buildHistoryPageHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset(content.script),
      styleUri: asset('media/history.css'),
      codiconStyleUri: asset('dist/codicons/codicon.css'),
      ...(content.extraStyle === undefined ? {} : { extraStyleUri: asset(content.extraStyle) }),
      ...(content.title === undefined ? {} : { title: content.title }),
      ...(content.firstState === undefined ? {} : { firstState: content.firstState }),
    });
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    for (const subscription of this.subscriptions.splice(0)) {
      subscription.dispose();
    }
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.postEmitter.dispose();
  }
}
