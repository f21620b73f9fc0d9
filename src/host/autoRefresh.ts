import * as vscode from 'vscode';
import { refreshIntervalMs } from '../core/explorer/refreshInterval';

const SETTING = 'fluxbaseSecrets.refreshIntervalSeconds';

/**
 * Runs `refresh` on the interval the `fluxbaseSecrets.refreshIntervalSeconds`
 * setting asks for (0 = never), following changes of the setting.
 */
export function startAutoRefresh(refresh: () => void): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    if (timer) {
      clearInterval(timer);
      timer = undefined;
    }
    const interval = refreshIntervalMs(vscode.workspace.getConfiguration().get<unknown>(SETTING));
    if (interval !== undefined) {
      timer = setInterval(refresh, interval);
    }
  };
  schedule();
  const listener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SETTING)) {
      schedule();
    }
  });
  return new vscode.Disposable(() => {
    listener.dispose();
    if (timer) {
      clearInterval(timer);
    }
  });
}
