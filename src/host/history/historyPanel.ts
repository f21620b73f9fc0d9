import * as vscode from 'vscode';
import { HistoryPanelController, type HistoryPanelControllerDeps } from '../../core/history/historyPanelController';
import type { SecretRef } from '../../shared/secretRef';
import { historyPanelTitle } from '../../core/history/historyView';
import type { HostToWebviewMessage } from '../../shared/historyProtocol';
import { noPerfMarks, type PerfMarks } from '../../shared/perfMarks';
import { PanelPage, pageWebviewOptions, type PostedPageMessage } from '../panelPage';

/** The viewType of every version-history panel; the serializer is registered under it. */
export const HISTORY_VIEW_TYPE = 'fluxbaseSecrets.history';

/** A message the panel sent its page, and whether VS Code delivered it to a live page. */
export type PostedHistoryMessage = PostedPageMessage<HostToWebviewMessage>;

/** What a panel's controller needs besides its page; `marks`: the benchmark's timing channel (host/bench). */
export type HistoryPanelDeps = Omit<HistoryPanelControllerDeps, 'page'> & { marks?: PerfMarks };

/**
 * One version-history panel: a webview panel, its page and the controller
 * that drives it. Created for a secret, or around a panel VS Code restored;
 * either way the history is requested at once, while the page starts.
 */
export class HistoryPanel implements vscode.Disposable {
  private readonly controller: HistoryPanelController;
  private readonly page: PanelPage<HostToWebviewMessage>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  /** Fires once, when the panel is closed or disposed. */
  readonly onDidDispose: vscode.Event<void>;

  /** Fires for each message once VS Code has taken it: what the page was sent (tests observe the page through it). */
  readonly onDidPost: vscode.Event<PostedHistoryMessage>;

  /** Opens a new panel for `ref` in the active editor group. */
  static create(extensionUri: vscode.Uri, ref: SecretRef, deps: HistoryPanelDeps): HistoryPanel {
    const panel = vscode.window.createWebviewPanel(
      HISTORY_VIEW_TYPE,
      historyPanelTitle(ref, deps.source.connections?.()),
      vscode.ViewColumn.Active,
      pageWebviewOptions(extensionUri),
    );
    return new HistoryPanel(panel, extensionUri, ref, deps);
  }

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    readonly ref: SecretRef,
    deps: HistoryPanelDeps,
  ) {
    const marks = deps.marks ?? noPerfMarks;
    marks.mark('history.panel');
    const page = new PanelPage<HostToWebviewMessage>(panel, {
      extensionUri,
      logger: deps.logger,
      label: () => `History of ${ref.name}`,
      receive: (message) => {
        marks.mark('history.received');
        void this.controller.receive(message);
      },
    });
    this.page = page;
    this.onDidDispose = page.onDidDispose;
    this.onDidPost = page.onDidPost;
    const updateTitle = (): void => {
      panel.title = historyPanelTitle(ref, deps.source.connections?.());
    };
    updateTitle();
    this.controller = new HistoryPanelController(ref, {
      ...deps,
      page: {
        post: (message) => {
          marks.mark(`history.post.${message.type}`);
          page.post(message);
        },
        close: () => panel.dispose(),
      },
    });
    this.subscriptions.push(
      page.onDidDispose(() => this.dispose()),
      // A connection added, removed or renamed changes whether and how the title names it.
      deps.source.onDidChange(updateTitle),
    );
    void this.controller.start().then(() => marks.mark('history.loaded'));
    // The HTML now, not after the load: VS Code starts the page's frames only once it has the HTML (measured,
    // BENCHMARKS.md "Issue 17, third round"), so waiting for the versions delayed the page by the request. The
    // page gets what is known at once (the secret being loaded, or signed out) and the versions as the answer
    // to its `ready`, by then usually loaded.
    const firstState = this.controller.currentState;
    marks.mark('history.html', firstState?.type === 'history' ? firstState.view.versions.length : 0);
    page.setHtml({ script: 'dist/webview.js', ...(firstState === undefined ? {} : { firstState }) });
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
    this.page.dispose();
  }
}
