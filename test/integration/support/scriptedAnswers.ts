import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AdminOptions } from '../../../server/startServer';
import type { FluxbaseSecretsApi } from '../../../src/host/extensionApi';
import {
  assertAskedExactly,
  pick,
  ScriptedUserInput,
  text,
  type Step,
} from '../../unit/commands/support/scriptedUserInput';

/**
 * Runs the registered `command` with `arg` while `steps` answer its
 * questions, and resolves to its result. Fails when a question was not the
 * scripted one, or a scripted one was never asked: the command shows its own
 * errors as notifications, so they would not fail the test otherwise.
 */
export async function runWithAnswers<T>(
  api: FluxbaseSecretsApi,
  steps: readonly Step[],
  command: string,
  arg?: unknown,
): Promise<T> {
  // ScriptedUserInput consumes the array it is given.
  const input = new ScriptedUserInput([...steps]);
  api.testing.setUserInput(input);
  try {
    const result = await vscode.commands.executeCommand<T>(command, arg);
    input.assertDone();
    assertAskedExactly(input, steps);
    return result;
  } finally {
    api.testing.setUserInput(undefined);
  }
}

/** The answers of "Sign In" with email and password; `title` matches the sign-in question's title. */
export function passwordSignInSteps(title: RegExp, account: AdminOptions): Step[] {
  return [
    pick(title, 'Email and Password'),
    text(/Email/, account.email),
    text(/Password/, account.password, { password: true }),
  ];
}

/** Signs `connectionId` in through "Sign In" with the email and password of `account`, and checks it is ready. */
export async function signInWithPassword(
  api: FluxbaseSecretsApi,
  connectionId: string,
  title: RegExp,
  account: AdminOptions,
): Promise<void> {
  await runWithAnswers(api, passwordSignInSteps(title, account), 'fluxbaseSecrets.signIn', connectionId);
  assert.equal(api.store.connection(connectionId)?.status, 'ready', `${connectionId} is signed in`);
}
