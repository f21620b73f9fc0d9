import * as vscode from 'vscode';
import type { RollbackRequest } from '../../core/history/historyPanelController';

/** The label of the confirming button of the rollback modal. */
export const ROLL_BACK_ACTION = 'Roll Back';

/** Asks in a VS Code modal whether to roll back; true only when "Roll Back" was chosen. */
export async function confirmRollbackInModal(request: RollbackRequest): Promise<boolean> {
  const where = request.namespace === undefined ? '' : ` in namespace "${request.namespace}"`;
  const on = request.connection === undefined ? '' : ` on ${request.connection}`;
  const answer = await vscode.window.showWarningMessage(
    `Roll back "${request.name}"${where}${on} to version ${request.version}?`,
    {
      modal: true,
      detail:
        `The value of version ${request.version} becomes a new version, ${request.currentVersion + 1}. ` +
        `Functions and jobs read it from their next run. Version ${request.currentVersion} stays in the history.`,
    },
    ROLL_BACK_ACTION,
  );
  return answer === ROLL_BACK_ACTION;
}
