import * as vscode from 'vscode';

/** A webview panel the extension opened, with every message it was sent. */
export interface RecordedPanel {
  readonly panel: vscode.WebviewPanel;
  readonly messages: unknown[];
  /** The page's HTML as it was when it was last sent a message ('' before the first). */
  html: string;
}

/**
 * Records every webview panel the extension opens between `start()` and
 * `stop()`, by wrapping `vscode.window.createWebviewPanel` and each panel's
 * `postMessage`.
 */
export class WebviewRecorder {
  /** The panels opened so far, oldest first; a test may remove the ones it is done with. */
  readonly panels: RecordedPanel[] = [];
  private readonly original = vscode.window.createWebviewPanel;

  /** Starts recording the panels opened from now on. */
  start(): void {
    const original = this.original;
    this.window().createWebviewPanel = (...args: Parameters<typeof vscode.window.createWebviewPanel>) => {
      const panel = original.apply(vscode.window, args);
      const recorded: RecordedPanel = { panel, messages: [], html: '' };
      this.panels.push(recorded);
      const webview = panel.webview;
      const post = webview.postMessage.bind(webview);
      webview.postMessage = (message: unknown) => {
        recorded.messages.push(message);
        recorded.html = webview.html;
        return post(message);
      };
      return panel;
    };
  }

  /** Puts `createWebviewPanel` back; the panels recorded stay readable. */
  stop(): void {
    this.window().createWebviewPanel = this.original;
  }

  private window(): { createWebviewPanel: typeof vscode.window.createWebviewPanel } {
    return vscode.window as { createWebviewPanel: typeof vscode.window.createWebviewPanel };
  }
}
