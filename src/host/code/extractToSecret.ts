import * as vscode from 'vscode';
import { CREATE_SECRET_COMMAND } from '../../core/code/codeCommandIds';
import { describeRefusal, planExtraction } from '../../core/code/extraction';
import { UnwritableNameError, writeSecretName } from '../../core/code/secretNameWriter';
import { UserFacingError } from '../../core/commands/commandErrors';
import type { CreateSecretPrefill, CreateSecretResult } from '../../core/commands/createSecret';
import type { Logger } from '../../core/logger';
import { referenceTemplateFor } from './codeSettings';
import { rangeOfOffsets } from './textRanges';

/** The command id of "Move to Fluxbase secret…". */
export const EXTRACT_COMMAND = 'fluxbaseSecrets.extractToSecret';

/** What the code action passes: the document and the selection it was offered for (plain JSON). */
export interface ExtractArgument {
  uri: string;
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Starts the explorer's create flow prefilled: its `fluxbaseSecrets.createSecret` command. */
export function createSecretThroughExplorer(prefill: CreateSecretPrefill): Promise<CreateSecretResult | undefined> {
  return Promise.resolve(
    vscode.commands.executeCommand<CreateSecretResult | undefined>(CREATE_SECRET_COMMAND, prefill),
  );
}

/**
 * "Move to Fluxbase secret…": takes the string literal (or selection) of the
 * code action's argument or of the active editor, starts the explorer's
 * create flow with the suggested name and the literal's value, and when a
 * secret was created replaces the literal with its reference in one
 * undoable edit. If creating is cancelled or fails, the code stays as it
 * was. The value is passed to the create command only, never logged.
 */
export function extractToSecret(deps: {
  logger: Logger;
  /** The create flow; the explorer's command unless a test drives its own. */
  createSecret?: (prefill: CreateSecretPrefill) => Promise<CreateSecretResult | undefined>;
}) {
  const createSecret = deps.createSecret ?? createSecretThroughExplorer;
  return async (arg?: unknown): Promise<void> => {
    const { document, selection } = await targetOf(arg);
    const plan = planExtraction(
      document.getText(),
      document.offsetAt(selection.start),
      document.offsetAt(selection.end),
    );
    if (typeof plan === 'string') {
      throw new UserFacingError(describeRefusal(plan));
    }
    const range = rangeOfOffsets(document, plan.start, plan.end);
    const original = document.getText(range);
    const prefill: CreateSecretPrefill = {
      value: plan.value,
      ...(plan.suggestedName ? { name: plan.suggestedName } : {}),
    };
    const created = await createSecret(prefill);
    if (!created) {
      deps.logger.debug(`${EXTRACT_COMMAND}: no secret created; the code is unchanged`);
      return;
    }
    // the name the person chose, never the one the server answered with
    const { name } = created;
    if (document.isClosed || document.getText(range) !== original) {
      throw new UserFacingError(
        `Secret ${name} was created, but the code changed meanwhile: insert its reference with "Fluxbase Secrets: Insert Secret Reference".`,
      );
    }
    const reference = referenceOrExplain(name, referenceTemplateFor(document.languageId, document));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, reference);
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new UserFacingError(
        `Secret ${name} was created, but the editor refused the edit: insert its reference yourself.`,
      );
    }
    deps.logger.info(`Moved a hard-coded value in ${vscode.workspace.asRelativePath(document.uri)} to secret ${name}`);
  };
}

/** The reference of the new secret; a name the template cannot take is refused, saying the secret exists. */
function referenceOrExplain(name: string, template: string | undefined): string {
  try {
    return writeSecretName(name, { kind: 'reference', template });
  } catch (error) {
    if (error instanceof UnwritableNameError) {
      throw new UserFacingError(`The secret was created, but its reference was not inserted. ${error.message}`);
    }
    throw error;
  }
}

async function targetOf(arg: unknown): Promise<{ document: vscode.TextDocument; selection: vscode.Range }> {
  if (isExtractArgument(arg)) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
    const selection = new vscode.Range(arg.start.line, arg.start.character, arg.end.line, arg.end.character);
    return { document, selection };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    throw new UserFacingError('Open the file and put the cursor in the hard-coded string first.');
  }
  return { document: editor.document, selection: editor.selection };
}

function isExtractArgument(value: unknown): value is ExtractArgument {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const arg = value as Record<string, unknown>;
  return typeof arg.uri === 'string' && isPosition(arg.start) && isPosition(arg.end);
}

function isPosition(value: unknown): value is { line: number; character: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { line?: unknown }).line === 'number' &&
    typeof (value as { character?: unknown }).character === 'number'
  );
}
