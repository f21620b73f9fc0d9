import type { ComparePageMessage, ComparePageState } from '../../shared/compareProtocol';

/** The part of the webview API object the compare page uses, typed with its protocol. */
export interface CompareVsCodeApi {
  postMessage(message: ComparePageMessage): void;
  getState(): unknown;
  setState(state: ComparePageState): void;
}

declare function acquireVsCodeApi(): CompareVsCodeApi;

/** The webview API object; VS Code allows acquiring it only once per page load. */
export function acquireCompareVsCodeApi(): CompareVsCodeApi {
  return acquireVsCodeApi();
}
