import { isUserCancelled, type UserInput } from '../userInput';

/** What the person is asked to confirm before a rollback. */
export interface RollbackRequest {
  name: string;
  /** The connection's name, set only when there are several connections to tell apart. */
  connection?: string;
  namespace?: string;
  version: number;
  currentVersion: number;
}

/** Asks the person to confirm a rollback; resolves false when they decline or dismiss. */
export type ConfirmRollback = (request: RollbackRequest) => Promise<boolean>;

/** The label of the confirming button. */
export const ROLL_BACK_ACTION = 'Roll Back';

/**
 * The one rollback confirmation, of the history page and of the Roll Back
 * command alike: a modal that names the secret (and its namespace), the
 * version whose value returns and the version that saves it.
 */
export async function confirmRollback(input: Pick<UserInput, 'choose'>, request: RollbackRequest): Promise<boolean> {
  const where = request.namespace === undefined ? '' : ` in namespace "${request.namespace}"`;
  const on = request.connection === undefined ? '' : ` on ${request.connection}`;
  try {
    await input.choose({
      message: `Roll back "${request.name}"${where}${on} to version ${request.version}?`,
      detail:
        `Its value becomes that of version ${request.version}, saved as the new version ${request.currentVersion + 1}. ` +
        `Functions and jobs read it from their next run. Version ${request.currentVersion} stays in the history.`,
      choices: [ROLL_BACK_ACTION],
    });
    return true;
  } catch (error) {
    if (isUserCancelled(error)) {
      return false;
    }
    throw error;
  }
}
