import * as vscode from 'vscode';
import { ComparePanelController, type ComparePanelControllerDeps } from '../../core/compare/comparePanelController';
import type { CompareColumnSpec, CompareFilter, CompareHostMessage } from '../../shared/compareProtocol';
import { PanelPage, pageWebviewOptions, type PostedPageMessage } from '../panelPage';

/** The viewType of every Compare Secrets panel; the serializer is registered under it. */
export const COMPARE_VIEW_TYPE = 'fluxbaseSecrets.compare';

/** A message the panel sent its page, and whether VS Code delivered it to a live page. */
export type PostedCompareMessage = PostedPageMessage<CompareHostMessage>;

/** What a panel's controller needs besides its page. */
export type ComparePanelDeps = Omit<ComparePanelControllerDeps, 'page'>;

/**
 * One Compare Secrets panel: a webview panel with the same CSP, nonce and
 * resource roots as the history page (PanelPage), and the controller that drives it.
 */
export class ComparePanel implements vscode.Disposable {
  private readonly controller: ComparePanelController;
  private readonly page: PanelPage<CompareHostMessage>;
  private disposed = false;

  /** Fires for each message once VS Code has taken it: what the page was sent (tests observe the page through it). */
  readonly onDidPost: vscode.Event<PostedCompareMessage>;

  /** Fires once, when the panel is closed. */
  readonly onDidDispose: vscode.Event<void>;

  /** Opens a new panel comparing `columns` in the active editor group. */
  static create(extensionUri: vscode.Uri, columns: CompareColumnSpec[], deps: ComparePanelDeps): ComparePanel {
    const panel = vscode.window.createWebviewPanel(
      COMPARE_VIEW_TYPE,
      'Compare Secrets',
      vscode.ViewColumn.Active,
      pageWebviewOptions(extensionUri),
    );
    return new ComparePanel(panel, extensionUri, columns, deps);
  }

  constructor(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    columns: CompareColumnSpec[],
    deps: ComparePanelDeps,
    filter: CompareFilter = 'all',
  ) {
    const page = new PanelPage<CompareHostMessage>(panel, {
      extensionUri,
      logger: deps.logger,
      label: () => 'Compare Secrets',
      receive: (message) => void this.controller.receive(message),
    });
    this.page = page;
    this.onDidPost = page.onDidPost;
    this.onDidDispose = page.onDidDispose;
    this.controller = new ComparePanelController(
      columns,
      { ...deps, page: { post: (message) => page.post(message) } },
      filter,
    );
    page.onDidDispose(() => this.dispose());
    page.setHtml({ script: 'dist/compare.js', extraStyle: 'media/compare.css', title: 'Compare Secrets' });
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.controller.dispose();
    this.page.dispose();
  }
}
