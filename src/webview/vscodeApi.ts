import type { HistoryPageState, WebviewToHostMessage } from '../shared/historyProtocol';

/** The part of the webview API object the page uses, typed with the protocol. */
export interface HistoryVsCodeApi {
  postMessage(message: WebviewToHostMessage): void;
  getState(): unknown;
  setState(state: HistoryPageState): void;
}

declare function acquireVsCodeApi(): HistoryVsCodeApi;

/** The webview API object; VS Code allows acquiring it only once per page load. */
export function acquireHistoryVsCodeApi(): HistoryVsCodeApi {
  return acquireVsCodeApi();
}
