/**
 * "Import .env File…" and "Export .env Template…" as a person runs them in
 * VS Code, against the local server: the open dialog, the preview with check
 * boxes, the cancellable progress, the report, the file written. Values are
 * checked in the server's own storage (decrypted with the test key), and
 * none may appear in a message, the log or the exported template.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import type { SecretSummary } from '../../src/core/api/secretTypes';
import type { PickManyItem } from '../../src/core/userInput';
import type { ImportReport } from '../../src/core/code/importRunner';
import type { ExplorerNode } from '../../src/core/explorer/explorerNodes';
import { UserCancelledError } from '../../src/core/userInput';
import type { CodeDialogs } from '../../src/host/code/codeDialogs';
import type { FluxbaseSecretsApi } from '../../src/host/extensionApi';
import { leaksIn } from '../unit/reliability/support/sacredText';
import { readStoredSecrets } from '../unit/reliability/support/storedSecrets';
import { CANCEL, choose, pick, text, type Step } from '../unit/commands/support/scriptedUserInput';
import { extensionLogMatching } from './support/extensionLog';
import { activateExtension, configureConnections, removeConnections } from './support/extensionUnderTest';
import { startLocalFluxbase, type LocalFluxbase } from './support/localFluxbase';
import { passwordSignInSteps, runWithAnswers } from './support/scriptedAnswers';
import { logAtTraceLevel } from './support/traceLogging';

const admin = { email: 'env-files-it@example.com', password: 'env-files-it-password-1' };
const CONNECTION_NAME = 'Env Files IT';
const ENCRYPTION_KEY = 'env-files-it-key-0123456789abcde';
/** Small enough that one oversized value is refused (413), large enough for every other request. */
const BODY_LIMIT = 4096;
const IMPORT = 'fluxbaseSecrets.importEnvFile';
const EXPORT = 'fluxbaseSecrets.exportEnvTemplate';

/** Every value the tests import: none may reach a message, the log or a template. */
const VALUES = {
  apiKey: 'canary-envit-plain-5d1e07',
  quoted: 'canary-envit-double # not a comment',
  single: 'canary-envit-single $HOME',
  multi: 'canary-envit-multi line one\nline two',
  skipped: 'canary-envit-unchecked-9b2a41',
  escaped: 'canary-envit-escaped\nnext',
  rotated: 'canary-envit-rotated-c3f950',
  second: 'canary-envit-second-1e8d2b',
  fine: 'canary-envit-fine-77a0c4',
  raced: 'canary-envit-raced-0b9e13',
  tooBig: `canary-envit-too-big-${'x'.repeat(BODY_LIMIT)}`,
  fromRow: 'canary-envit-from-row-4f61aa',
  jobsRotated: 'canary-envit-jobs-rotated-8c02d7',
  jobsNew: 'canary-envit-jobs-new-31b9e5',
  jobsOld: 'canary-envit-jobs-old-d24c93',
  saved: 'canary-envit-saved-a7d410',
  unsaved: 'canary-envit-unsaved-e95c22',
  offered: 'canary-envit-offered-5b7f08',
};

const FIRST_ENV = [
  '# Secrets for the import test',
  `export IT_API_KEY=${VALUES.apiKey}`,
  `IT_QUOTED="${VALUES.quoted}"   # a comment`,
  `IT_SINGLE='${VALUES.single}'`,
  `IT_MULTI="${VALUES.multi}"`,
  'this line is not an assignment',
  `IT_SKIPPED=${VALUES.skipped}`,
  'IT_ESCAPED="canary-envit-escaped\\nnext"',
  '',
].join('\n');

type DialogStep =
  | { kind: 'openFile'; answer: vscode.Uri | typeof CANCEL }
  | { kind: 'saveFile'; answer: vscode.Uri | typeof CANCEL }
  | { kind: 'pickMany'; answer: PreviewAnswer | typeof CANCEL };

/** Which rows of the preview the person leaves checked. */
type PreviewAnswer = (
  items: readonly PickManyItem<unknown>[],
) => PickManyItem<unknown>[] | Promise<PickManyItem<unknown>[]>;

/** CodeDialogs that play a script, record the previews shown, and fail loudly on a dialog not expected. */
class ScriptedCodeDialogs implements CodeDialogs {
  readonly previews: { title: string; items: PickManyItem<unknown>[] }[] = [];
  /** Where each open dialog started. */
  readonly openedAt: (string | undefined)[] = [];

  constructor(private readonly steps: DialogStep[]) {}

  async openFile(options: Parameters<CodeDialogs['openFile']>[0]): Promise<vscode.Uri | undefined> {
    this.openedAt.push(options.defaultUri?.fsPath);
    const answer = this.next('openFile').answer as vscode.Uri | typeof CANCEL;
    return answer === CANCEL ? undefined : answer;
  }

  async saveFile(): Promise<vscode.Uri | undefined> {
    const answer = this.next('saveFile').answer as vscode.Uri | typeof CANCEL;
    return answer === CANCEL ? undefined : answer;
  }

  async pickMany<T>(items: readonly PickManyItem<T>[], options: { title: string }): Promise<T[]> {
    this.previews.push({ title: options.title, items: [...items] });
    const step = this.next('pickMany');
    if (step.kind !== 'pickMany' || step.answer === CANCEL) {
      throw new UserCancelledError();
    }
    return (await step.answer(items)).map((item) => item.value as T);
  }

  assertDone(): void {
    assert.deepEqual(
      this.steps.map((step) => step.kind),
      [],
      'dialogs never shown',
    );
  }

  private next(kind: DialogStep['kind']): DialogStep {
    const step = this.steps.shift();
    assert.ok(step, `unexpected ${kind} dialog`);
    assert.equal(step.kind, kind, `expected a ${step.kind} dialog, got ${kind}`);
    return step;
  }
}

/** The preview as a person reads it: one line per row, with its check box. */
function rows(items: readonly PickManyItem<unknown>[]): string[] {
  return items.map((item) => `${item.picked ? '[x]' : '[ ]'} ${item.label} · ${item.description ?? ''}`);
}

const checkedAsOffered = (items: readonly PickManyItem<unknown>[]) => items.filter((item) => item.picked);

describe('.env import and .env.example export in VS Code, against the local server', () => {
  let local: LocalFluxbase;
  let dataDir: string;
  let client: FluxbaseClient;
  let api: FluxbaseSecretsApi;
  let connectionId: string;
  let folder: string;
  let restoreLogLevel: (() => Promise<void>) | undefined;
  const messages: string[] = [];
  const window = vscode.window as {
    showInformationMessage: typeof vscode.window.showInformationMessage;
    showWarningMessage: typeof vscode.window.showWarningMessage;
    showErrorMessage: typeof vscode.window.showErrorMessage;
    withProgress: typeof vscode.window.withProgress;
  };
  const originals = {
    showInformationMessage: window.showInformationMessage,
    showWarningMessage: window.showWarningMessage,
    showErrorMessage: window.showErrorMessage,
    withProgress: window.withProgress,
  };

  /** Runs a command while `steps` answer its questions and `dialogs` its dialogs; resolves to its result. */
  async function run<T>(
    command: string,
    arg: unknown,
    steps: Step[],
    dialogs: DialogStep[] = [],
  ): Promise<{ result: T; dialogs: ScriptedCodeDialogs; said: string[] }> {
    const scripted = new ScriptedCodeDialogs([...dialogs]);
    api.testing.setCodeDialogs(scripted);
    const before = messages.length;
    try {
      const result = await runWithAnswers<T>(api, steps, command, arg);
      const said = messages.slice(before);
      assert.deepEqual(
        said.filter((message) => message.startsWith('error:')),
        [],
      );
      scripted.assertDone();
      return { result, dialogs: scripted, said };
    } finally {
      api.testing.setCodeDialogs(undefined);
    }
  }

  /** Writes a file in the workspace folder and returns its URI. */
  function workspaceFile(name: string, content: string): vscode.Uri {
    const file = path.join(folder, name);
    writeFileSync(file, content);
    return vscode.Uri.file(file);
  }

  async function globalSecrets(): Promise<Map<string, SecretSummary>> {
    return new Map((await client.secrets.list({ scope: 'global' })).map((secret) => [secret.name, secret]));
  }

  /** What the server holds: every secret's name, scope, version and decrypted value. */
  async function serverState(): Promise<string[]> {
    const stored = readStoredSecrets(dataDir, ENCRYPTION_KEY);
    return (await client.secrets.list())
      .map((secret) => `${secret.scope}/${secret.namespace ?? ''}/${secret.name} v${secret.version}`)
      .concat([...stored.values()].map((secret) => `${secret.id} v${secret.version} ${secret.value}`))
      .sort();
  }

  function storedValue(secret: SecretSummary | undefined): string | undefined {
    assert.ok(secret, 'the secret is on the server');
    return readStoredSecrets(dataDir, ENCRYPTION_KEY).get(secret.id)?.value;
  }

  function globalNodeNames(): string[] {
    const root = api.testing.tree().find((node) => node.connectionId === connectionId);
    const global = root?.children.find((node) => node.label === 'Global');
    assert.ok(global && 'children' in global, 'the connection has a Global node');
    return global.children.map((node: ExplorerNode) => node.label);
  }

  /** The row of the Secrets tree that a person right-clicks: `Global`, or the namespace `namespace`. */
  function treeRow(namespace?: string): ExplorerNode {
    const root = api.testing.tree().find((node) => node.connectionId === connectionId);
    const global = root?.children.find((node) => node.kind === 'scope' && node.scope === 'global');
    const namespaces = root?.children.find((node) => node.kind === 'scope' && node.scope === 'namespaces');
    const row =
      namespace === undefined
        ? global
        : namespaces && 'children' in namespaces
          ? namespaces.children.find((node) => node.kind === 'namespace' && node.namespace === namespace)
          : undefined;
    assert.ok(row, `the tree shows ${namespace === undefined ? 'Global' : `namespace ${namespace}`}`);
    return row;
  }

  /** Opens `file` in an editor, the active one from now on; `unsaved` replaces its text without saving. */
  async function openInEditor(file: vscode.Uri, unsaved?: string): Promise<vscode.TextEditor> {
    const editor = await vscode.window.showTextDocument(file);
    if (unsaved !== undefined) {
      const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
      assert.ok(await editor.edit((edit) => edit.replace(whole, unsaved)));
      assert.equal(editor.document.isDirty, true, 'the edit is not saved');
    }
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, file.fsPath, 'the file is the active editor');
    return editor;
  }

  async function closeEditors(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }

  before(async function () {
    this.timeout(120_000);
    restoreLogLevel = await logAtTraceLevel();
    const record =
      (level: string) =>
      (message: string): Promise<undefined> => {
        messages.push(`${level}: ${message}`);
        return Promise.resolve(undefined);
      };
    window.showInformationMessage = record('info') as typeof window.showInformationMessage;
    window.showWarningMessage = record('warn') as typeof window.showWarningMessage;
    window.showErrorMessage = record('error') as typeof window.showErrorMessage;

    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'the tests run with a workspace folder');
    folder = path.join(workspace.uri.fsPath, 'env-files-it');
    mkdirSync(folder, { recursive: true });

    local = await startLocalFluxbase('env-files', admin, { encryptionKey: ENCRYPTION_KEY, bodyLimitBytes: BODY_LIMIT });
    ({ dataDir, client } = local);

    api = await activateExtension();
    connectionId = await configureConnections(api, [{ name: CONNECTION_NAME, url: local.server.url }]);
    await run('fluxbaseSecrets.signIn', connectionId, passwordSignInSteps(/Sign In/, admin), []);
    assert.equal(api.store.connection(connectionId)?.status, 'ready');
    await closeEditors();
  });

  afterEach(async () => {
    window.withProgress = originals.withProgress;
    // Unsaved edits would make closing ask whether to save them.
    while (vscode.window.activeTextEditor?.document.isDirty) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await closeEditors();
  });

  after(async () => {
    Object.assign(window, originals);
    api?.testing.setUserInput(undefined);
    api?.testing.setCodeDialogs(undefined);
    await removeConnections(connectionId);
    await restoreLogLevel?.();
    await local?.close();
    rmSync(folder, { recursive: true, force: true });
    const template = vscode.workspace.workspaceFolders?.[0];
    if (template) {
      rmSync(path.join(template.uri.fsPath, '.env.example'), { force: true });
    }
  });

  it('imports a .env file chosen in the open dialog: the checked entries land with their values, in the tree and the report', async () => {
    const file = workspaceFile('.env', FIRST_ENV);
    const { result, dialogs, said } = await run<ImportReport>(
      IMPORT,
      undefined,
      [pick(/Import \.env File: \.env/, 'Global')],
      [
        { kind: 'openFile', answer: file },
        {
          kind: 'pickMany',
          answer: (items) => checkedAsOffered(items).filter((item) => item.label !== '$(add) IT_SKIPPED'),
        },
      ],
    );

    const [preview] = dialogs.previews;
    assert.equal(preview?.title, `Import .env File: .env → global scope of ${CONNECTION_NAME}`);
    assert.deepEqual(rows(preview.items), [
      '[x] $(add) IT_API_KEY · new',
      '[x] $(add) IT_QUOTED · new',
      '[x] $(add) IT_SINGLE · new',
      '[x] $(add) IT_MULTI · new',
      '[ ] $(error) line 7 · invalid, will be skipped',
      '[x] $(add) IT_SKIPPED · new',
      '[x] $(add) IT_ESCAPED · new',
    ]);
    assert.equal(preview.items[4]?.detail, 'line 7: not a KEY=VALUE assignment');
    assert.deepEqual(
      leaksIn(JSON.stringify(rows(preview.items)), Object.values(VALUES)),
      [],
      'no value in the preview',
    );

    assert.deepEqual(result, {
      created: ['IT_API_KEY', 'IT_QUOTED', 'IT_SINGLE', 'IT_MULTI', 'IT_ESCAPED'],
      updated: [],
      skipped: ['line 7', 'IT_SKIPPED'],
      failed: [],
      cancelled: false,
    });
    assert.deepEqual(said, [
      `info: Imported .env into global scope of ${CONNECTION_NAME}: 5 created, 0 updated, 2 skipped, 0 failed.`,
    ]);

    const secrets = await globalSecrets();
    assert.deepEqual([...secrets.keys()].sort(), ['IT_API_KEY', 'IT_ESCAPED', 'IT_MULTI', 'IT_QUOTED', 'IT_SINGLE']);
    for (const secret of secrets.values()) {
      assert.equal(secret.version, 1, `${secret.name} is new`);
      assert.equal(secret.scope, 'global');
    }
    assert.equal(storedValue(secrets.get('IT_API_KEY')), VALUES.apiKey, 'export prefix dropped');
    assert.equal(storedValue(secrets.get('IT_QUOTED')), VALUES.quoted, '# inside double quotes is kept');
    assert.equal(storedValue(secrets.get('IT_SINGLE')), VALUES.single, 'nothing expanded in single quotes');
    assert.equal(storedValue(secrets.get('IT_MULTI')), VALUES.multi, 'multi-line value');
    assert.equal(storedValue(secrets.get('IT_ESCAPED')), VALUES.escaped, '\\n expanded in double quotes');

    assert.deepEqual(globalNodeNames().sort(), [...secrets.keys()].sort(), 'the explorer shows what was imported');
  });

  it('updates an existing secret to version 2 and creates the new one, from the file the explorer passes', async () => {
    const file = workspaceFile('.env.rotate', `IT_API_KEY=${VALUES.rotated}\nIT_SECOND=${VALUES.second}\n`);
    const { result, dialogs, said } = await run<ImportReport>(
      IMPORT,
      file,
      [pick(/Import \.env File: \.env\.rotate/, 'Global')],
      [{ kind: 'pickMany', answer: checkedAsOffered }],
    );
    assert.deepEqual(rows(dialogs.previews[0]?.items ?? []), [
      '[x] $(sync) IT_API_KEY · exists, will be updated (new version)',
      '[x] $(add) IT_SECOND · new',
    ]);
    assert.deepEqual(result.updated, ['IT_API_KEY']);
    assert.deepEqual(said, [
      `info: Imported .env.rotate into global scope of ${CONNECTION_NAME}: 1 created, 1 updated, 0 skipped, 0 failed.`,
    ]);
    const secrets = await globalSecrets();
    assert.equal(secrets.get('IT_API_KEY')?.version, 2);
    assert.equal(storedValue(secrets.get('IT_API_KEY')), VALUES.rotated);
    assert.equal(secrets.get('IT_SECOND')?.version, 1);
    assert.equal(storedValue(secrets.get('IT_SECOND')), VALUES.second);
    const history = await client.secrets.getVersionsById(secrets.get('IT_API_KEY')?.id ?? '');
    assert.deepEqual(
      history.map((version) => version.version),
      [2, 1],
    );
  });

  it('changes nothing on the server when the person cancels at any question', async () => {
    const file = workspaceFile('.env.cancel', `IT_API_KEY=${VALUES.rotated}x\nIT_NEVER=${VALUES.second}x\n`);
    const before = await serverState();
    const title = /Import \.env File: \.env\.cancel/;
    const attempts: [Step[], DialogStep[]][] = [
      [[], [{ kind: 'openFile', answer: CANCEL }]],
      [[pick(title, CANCEL)], [{ kind: 'openFile', answer: file }]],
      [[pick(title, 'Namespace…'), pick(title, CANCEL)], [{ kind: 'openFile', answer: file }]],
      [
        [pick(title, 'Namespace…'), pick(title, '$(add) Another namespace…'), text(/Namespace name/, CANCEL)],
        [{ kind: 'openFile', answer: file }],
      ],
      [
        [pick(title, 'Global')],
        [
          { kind: 'openFile', answer: file },
          { kind: 'pickMany', answer: CANCEL },
        ],
      ],
    ];
    for (const [steps, dialogs] of attempts) {
      const { result, said } = await run<ImportReport | undefined>(IMPORT, undefined, steps, dialogs);
      assert.equal(result, undefined, 'a cancelled command ends silently');
      assert.deepEqual(said, []);
      assert.deepEqual(await serverState(), before);
    }
  });

  it('reports the writes the server refuses by name, lands the others, and no value reaches a message or the log', async () => {
    const file = workspaceFile(
      '.env.failing',
      `IT_FINE=${VALUES.fine}\nIT_RACED=${VALUES.raced}\nIT_TOO_BIG=${VALUES.tooBig}\n`,
    );
    const { result, said } = await run<ImportReport>(
      IMPORT,
      file,
      [pick(/Import \.env File/, 'Global')],
      [
        {
          kind: 'pickMany',
          answer: async (items) => {
            // Someone else creates IT_RACED while the preview is open: the import's create conflicts.
            await client.secrets.create({ name: 'IT_RACED', value: 'created-elsewhere' });
            return checkedAsOffered(items);
          },
        },
      ],
    );
    assert.deepEqual(result.created, ['IT_FINE']);
    assert.deepEqual(
      result.failed.map((failure) => failure.name),
      ['IT_RACED', 'IT_TOO_BIG'],
    );
    assert.deepEqual(said, [
      `warn: Imported .env.failing into global scope of ${CONNECTION_NAME}: 1 created, 0 updated, 0 skipped, 2 failed.`,
    ]);
    const secrets = await globalSecrets();
    assert.equal(storedValue(secrets.get('IT_FINE')), VALUES.fine);
    assert.equal(storedValue(secrets.get('IT_RACED')), 'created-elsewhere', 'the other writer’s value stays');
    assert.equal(secrets.has('IT_TOO_BIG'), false);

    const log = await extensionLogMatching(/failed: IT_TOO_BIG/, 'the failures to reach the log');
    assert.match(log, /failed: IT_RACED: .*already exists/);
    assert.match(log, /HTTP POST \/api\/v1\/secrets 413/);
    const everything = [JSON.stringify(result), ...messages, log].join('\n');
    assert.deepEqual(leaksIn(everything, Object.values(VALUES)), []);
  });

  it('imports under a cancellable progress notification; cancelling it starts no further write', async () => {
    const names = Array.from({ length: 12 }, (_, index) => `IT_BULK_${String(index + 1).padStart(2, '0')}`);
    const file = workspaceFile('.env.bulk', names.map((name) => `${name}=canary-envit-bulk-${name}\n`).join(''));
    const shown: vscode.ProgressOptions[] = [];
    // The notification is VS Code's own; its Cancel button is pressed as soon as the first write has ended.
    window.withProgress = ((
      options: vscode.ProgressOptions,
      task: Parameters<typeof vscode.window.withProgress>[1],
    ) => {
      shown.push(options);
      return originals.withProgress.call(vscode.window, options, (progress, token) => {
        const cancel = new vscode.CancellationTokenSource();
        token.onCancellationRequested(() => cancel.cancel());
        return task(
          {
            report: (value) => {
              progress.report(value);
              cancel.cancel();
            },
          },
          cancel.token,
        );
      });
    }) as typeof window.withProgress;
    const { result, said } = await run<ImportReport>(
      IMPORT,
      file,
      [pick(/Import \.env File/, 'Global')],
      [{ kind: 'pickMany', answer: checkedAsOffered }],
    );
    assert.deepEqual(
      shown.map((options) => [options.location, options.cancellable, options.title]),
      [[vscode.ProgressLocation.Notification, true, `Importing .env.bulk into global scope of ${CONNECTION_NAME}`]],
    );
    // Eight writes are in flight at once; those finish, the other four never start.
    assert.deepEqual(result.created, names.slice(0, 8));
    assert.deepEqual(result.skipped, names.slice(8));
    assert.equal(result.cancelled, true);
    assert.deepEqual(said, [
      `info: Imported .env.bulk into global scope of ${CONNECTION_NAME}: 8 created, 0 updated, 4 skipped, 0 failed (cancelled).`,
    ]);
    const secrets = await globalSecrets();
    assert.deepEqual(
      names.filter((name) => secrets.has(name)),
      names.slice(0, 8),
    );
  });

  it('exports the names of a scope to .env.example in the workspace, and asks before replacing it', async () => {
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace);
    const template = path.join(workspace.uri.fsPath, '.env.example');
    rmSync(template, { force: true });
    const globalNode = api.testing
      .tree()
      .find((node) => node.connectionId === connectionId)
      ?.children.find((node) => node.label === 'Global');
    assert.ok(globalNode, 'the Global node of the tree');

    const first = await run(EXPORT, globalNode, [pick(/Export \.env Template/, 'Save to .env.example')]);
    assert.deepEqual(first.said, [`info: Saved the names of the global scope of ${CONNECTION_NAME} to .env.example.`]);
    const written = readFileSync(template, 'utf8');
    assert.match(written, /^# Fluxbase secrets of the global scope of Env Files IT\n/);
    for (const name of ['IT_API_KEY', 'IT_MULTI', 'IT_SECOND', 'IT_FINE', 'IT_RACED', 'IT_BULK_08']) {
      assert.match(written, new RegExp(`^FLUXBASE_SECRET_${name}=$`, 'm'));
    }
    assert.doesNotMatch(written, /^[^#\n][^=\n]*=.+$/m, 'names only');
    assert.deepEqual(leaksIn(written, Object.values(VALUES)), []);

    writeFileSync(template, 'MINE=keep me\n');
    const kept = await run(EXPORT, globalNode, [
      pick(/Export \.env Template/, 'Save to .env.example'),
      choose(/\.env\.example exists\. Replace it\?/, CANCEL),
    ]);
    assert.deepEqual(kept.said, []);
    assert.equal(readFileSync(template, 'utf8'), 'MINE=keep me\n', 'not replaced without a yes');

    await run(EXPORT, globalNode, [
      pick(/Export \.env Template/, 'Save to .env.example'),
      choose(/\.env\.example exists\. Replace it\?/, 'Replace'),
    ]);
    assert.equal(readFileSync(template, 'utf8'), written);
  });

  it('exports through the save dialog to the file chosen there', async () => {
    const target = vscode.Uri.file(path.join(folder, 'functions.env.example'));
    const { said } = await run(
      EXPORT,
      undefined,
      [pick(/Export \.env Template/, 'Global'), pick(/Export \.env Template/, 'Save As…')],
      [{ kind: 'saveFile', answer: target }],
    );
    assert.deepEqual(said, [
      `info: Saved the names of the global scope of ${CONNECTION_NAME} to env-files-it/functions.env.example.`,
    ]);
    assert.match(readFileSync(target.fsPath, 'utf8'), /^FLUXBASE_SECRET_IT_API_KEY=$/m);
  });

  it('imports into the Global row it was started from: asks for the file, never for the scope', async () => {
    const file = workspaceFile('.env.row', `IT_FROM_ROW=${VALUES.fromRow}\n`);
    const { result, dialogs, said } = await run<ImportReport>(
      IMPORT,
      treeRow(),
      [],
      [
        { kind: 'openFile', answer: file },
        { kind: 'pickMany', answer: checkedAsOffered },
      ],
    );
    assert.deepEqual(dialogs.openedAt, [vscode.workspace.workspaceFolders?.[0]?.uri.fsPath], 'starts in the workspace');
    assert.equal(dialogs.previews[0]?.title, `Import .env File: .env.row → global scope of ${CONNECTION_NAME}`);
    assert.deepEqual(result.created, ['IT_FROM_ROW']);
    assert.deepEqual(said, [
      `info: Imported .env.row into global scope of ${CONNECTION_NAME}: 1 created, 0 updated, 0 skipped, 0 failed.`,
    ]);
    const secrets = await globalSecrets();
    assert.equal(secrets.get('IT_FROM_ROW')?.scope, 'global');
    assert.equal(storedValue(secrets.get('IT_FROM_ROW')), VALUES.fromRow);
  });

  it('imports into the namespace row it was started from: updates its secret there, leaves the global one alone', async () => {
    const existing = await client.secrets.create({
      name: 'IT_JOBS_KEY',
      value: VALUES.jobsOld,
      scope: 'namespace',
      namespace: 'it-jobs',
    });
    await api.store.refresh(connectionId);
    const globalBefore = await globalSecrets();
    const file = workspaceFile('.env.jobs', `IT_JOBS_KEY=${VALUES.jobsRotated}\nIT_API_KEY=${VALUES.jobsNew}\n`);
    const { result, dialogs, said } = await run<ImportReport>(
      IMPORT,
      treeRow('it-jobs'),
      [],
      [
        { kind: 'openFile', answer: file },
        { kind: 'pickMany', answer: checkedAsOffered },
      ],
    );
    const [preview] = dialogs.previews;
    assert.equal(preview?.title, `Import .env File: .env.jobs → namespace it-jobs of ${CONNECTION_NAME}`);
    assert.deepEqual(rows(preview.items), [
      '[x] $(sync) IT_JOBS_KEY · exists, will be updated (new version)',
      '[x] $(add) IT_API_KEY · new',
    ]);
    assert.deepEqual([result.created, result.updated], [['IT_API_KEY'], ['IT_JOBS_KEY']]);
    assert.deepEqual(said, [
      `info: Imported .env.jobs into namespace it-jobs of ${CONNECTION_NAME}: 1 created, 1 updated, 0 skipped, 0 failed.`,
    ]);

    const jobs = new Map(
      (await client.secrets.list({ scope: 'namespace', namespace: 'it-jobs' })).map((secret) => [secret.name, secret]),
    );
    assert.equal(jobs.get('IT_JOBS_KEY')?.id, existing.id);
    assert.equal(jobs.get('IT_JOBS_KEY')?.version, 2);
    assert.equal(storedValue(jobs.get('IT_JOBS_KEY')), VALUES.jobsRotated);
    assert.equal(jobs.get('IT_API_KEY')?.version, 1);
    assert.equal(storedValue(jobs.get('IT_API_KEY')), VALUES.jobsNew);
    assert.deepEqual(await globalSecrets(), globalBefore, 'nothing written to the global scope');
    const namespaceRow = treeRow('it-jobs');
    assert.ok('children' in namespaceRow);
    assert.deepEqual(namespaceRow.children.map((node) => node.label).sort(), ['IT_API_KEY', 'IT_JOBS_KEY']);
  });

  it('from the palette, imports the .env file of the active editor, unsaved edits included, without a dialog', async () => {
    const file = workspaceFile('.env.editor', `IT_EDITOR=${VALUES.saved}\n`);
    await openInEditor(file, `# edited, not saved\nIT_EDITOR=${VALUES.unsaved}\n`);
    const { result, dialogs, said } = await run<ImportReport>(
      IMPORT,
      undefined,
      [pick(/Import \.env File: \.env\.editor/, 'Global')],
      [{ kind: 'pickMany', answer: checkedAsOffered }],
    );
    assert.deepEqual(dialogs.openedAt, [], 'no open dialog');
    assert.equal(dialogs.previews[0]?.title, `Import .env File: .env.editor → global scope of ${CONNECTION_NAME}`);
    assert.deepEqual(result.created, ['IT_EDITOR']);
    assert.deepEqual(said, [
      `info: Imported .env.editor into global scope of ${CONNECTION_NAME}: 1 created, 0 updated, 0 skipped, 0 failed.`,
    ]);
    assert.equal(storedValue((await globalSecrets()).get('IT_EDITOR')), VALUES.unsaved, 'the text as shown');
  });

  it('from a tree row, offers the .env file of the active editor in the open dialog instead of taking it unasked', async () => {
    const file = workspaceFile('.env.offered', `IT_OFFERED=${VALUES.offered}\n`);
    await openInEditor(file);
    const { result, dialogs } = await run<ImportReport>(
      IMPORT,
      treeRow(),
      [],
      [
        { kind: 'openFile', answer: file },
        { kind: 'pickMany', answer: checkedAsOffered },
      ],
    );
    assert.deepEqual(dialogs.openedAt, [file.fsPath], 'the dialog starts at the active editor’s file');
    assert.equal(dialogs.previews[0]?.title, `Import .env File: .env.offered → global scope of ${CONNECTION_NAME}`);
    assert.deepEqual(result.created, ['IT_OFFERED']);
    assert.equal(storedValue((await globalSecrets()).get('IT_OFFERED')), VALUES.offered);
    const log = await extensionLogMatching(/Import of \.env\.offered/, 'the import to reach the log');
    assert.deepEqual(leaksIn([log, ...messages].join('\n'), Object.values(VALUES)), []);
  });
});
