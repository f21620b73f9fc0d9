import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import type {
  CreateSecretRequest,
  ListSecretsOptions,
  Secret,
  SecretSummary,
  UpdateSecretRequest,
} from '../../../src/core/api/secretTypes';
import { ConnectionError, SignInRequiredError, UserFacingError } from '../../../src/core/commands/commandErrors';
import type { Notifier, ProgressReporter } from '../../../src/core/commands/hostPorts';
import { importEnvFile, type ImportEnvFileDeps } from '../../../src/core/commands/importEnvFile';
import { runCommand } from '../../../src/core/commands/runCommand';
import type { ClientPort } from '../../../src/core/connections/clientPort';
import type { Connection } from '../../../src/core/connections/connection';
import type { Logger } from '../../../src/shared/logger';
import { isUserCancelled } from '../../../src/core/userInput';
import { summary } from '../code/catalogFixtures';
import { FakeCatalog } from '../code/fakeCatalog';
import { answers, ScriptedUserInput, type ScriptedAnswer } from './support/scriptedUserInput';

/** The one scripted-input double, from short answers. */
const scripted = (list: ScriptedAnswer[]) => new ScriptedUserInput(answers(list));

const VALUES = ['new-value-1', 'old-value-2'];
const FILE = { fileName: '.env', text: `NEW=${VALUES[0]}\nOLD=${VALUES[1]}\nnot an assignment\n` };

/** The client calls an import makes: one list of the target, then creates and updates by id. */
interface ImportClientPort {
  secrets: Pick<ClientPort['secrets'], 'list' | 'create' | 'updateById'>;
}

/** The catalog's one signed-in connection, as the registry lists it. */
const LOCAL: Connection = { id: 'local', name: 'Local', url: 'http://localhost:8787', source: 'settings' };

/** A fake client over an in-memory list of secrets. */
class FakeClient implements ImportClientPort {
  readonly listed: (ListSecretsOptions | undefined)[] = [];
  readonly writes: string[] = [];
  failCreate: unknown;
  failList: unknown;

  constructor(readonly existing: SecretSummary[]) {}

  readonly secrets = {
    list: async (options?: ListSecretsOptions) => {
      this.listed.push(options);
      if (this.failList) {
        throw this.failList;
      }
      return this.existing;
    },
    create: async (request: CreateSecretRequest): Promise<Secret> => {
      this.writes.push(`create ${request.name}=${request.value} ${request.scope}/${request.namespace ?? ''}`);
      if (this.failCreate) {
        throw this.failCreate;
      }
      return summary({ name: request.name });
    },
    updateById: async (id: string, request: UpdateSecretRequest): Promise<Secret> => {
      this.writes.push(`update ${id}=${request.value ?? ''}`);
      return summary({ name: id });
    },
  };
}

/** Records messages and log lines. */
class Recorder implements Notifier {
  readonly messages: string[] = [];
  readonly lines: string[] = [];
  async info(message: string) {
    this.messages.push(`info: ${message}`);
    return undefined;
  }
  async warn(message: string, ...actions: string[]) {
    this.messages.push(`warn: ${message} [${actions.join(', ')}]`);
    return undefined;
  }
  async error(message: string | Error) {
    this.messages.push(`error: ${String(message)}`);
    return undefined;
  }
}

const noProgress: ProgressReporter = {
  withProgress: (_title, task) => task(),
  withCancellableProgress: (_title, task) => task(() => undefined, { isCancellationRequested: false }),
};

function setup(
  answers: ScriptedAnswer[],
  client: FakeClient | 'signedOut' = new FakeClient([]),
  extra: Partial<ImportEnvFileDeps> = {},
  expired: string[] = [],
) {
  const input = scripted(answers);
  const recorder = new Recorder();
  const refreshed: string[] = [];
  const logger: Logger = {
    trace: (l) => recorder.lines.push(l),
    debug: (l) => recorder.lines.push(l),
    info: (l) => recorder.lines.push(l),
    warn: (l) => recorder.lines.push(l),
    error: (l) => recorder.lines.push(String(l)),
  };
  const deps: ImportEnvFileDeps = {
    catalog: new FakeCatalog([]),
    input,
    progress: noProgress,
    notifier: recorder,
    logger,
    registry: { list: () => [LOCAL] } as unknown as ImportEnvFileDeps['registry'],
    store: {
      clientFor: (id: string) => (id === 'local' && client !== 'signedOut' ? client : undefined),
      refresh: async (id?: string) => void refreshed.push(id ?? ''),
      markSessionExpired: (id: string) => void expired.push(id),
    } as unknown as ImportEnvFileDeps['store'],
    showLogs: () => undefined,
    ...extra,
  };
  return { run: importEnvFile(deps), input, recorder, refreshed };
}

const acceptAsOffered: ScriptedAnswer = { pickMany: (items) => items.filter((i) => i.picked) };

describe('importEnvFile', () => {
  it('previews new, update and invalid entries, writes the checked ones, refreshes and reports', async () => {
    const old = summary({ name: 'OLD', scope: 'namespace', namespace: 'ns' });
    const client = new FakeClient([old]);
    const { run, input, recorder, refreshed } = setup(
      [{ pick: 'Namespace…' }, { pick: '$(add) Another namespace…' }, { text: 'ns' }, acceptAsOffered],
      client,
    );
    const report = await run(FILE);
    assert.deepEqual(client.listed, [{ scope: 'namespace', namespace: 'ns' }]);
    assert.deepEqual(input.questions[3]?.labels, ['$(add) NEW', '$(sync) OLD', '$(error) line 3']);
    assert.deepEqual(client.writes, [`create NEW=${VALUES[0]} namespace/ns`, `update ${old.id}=${VALUES[1]}`]);
    assert.deepEqual(report.created, ['NEW']);
    assert.deepEqual(report.updated, ['OLD']);
    assert.deepEqual(refreshed, ['local']);
    assert.deepEqual(recorder.messages, [
      'info: Imported .env into namespace ns of Local: 1 created, 1 updated, 1 skipped, 0 failed.',
    ]);
    assert.ok(input.done);
  });

  it('never shows or logs a value', async () => {
    const client = new FakeClient([]);
    client.failCreate = new FluxbaseApiError('server', 'Internal error (500)');
    const { run, input, recorder } = setup([{ pick: 'Global' }, acceptAsOffered], client);
    const report = await run(FILE);
    assert.equal(report.failed.length, 2);
    const everything = JSON.stringify([input.questions, recorder.messages, recorder.lines, report]);
    for (const value of VALUES) {
      assert.ok(!everything.includes(value), `${value} leaked`);
    }
    assert.match(recorder.messages[0] ?? '', /^warn: .*2 failed\. \[Show Logs\]$/);
  });

  it('skips the entries left unchecked', async () => {
    const client = new FakeClient([]);
    const { run } = setup(
      [{ pick: 'Global' }, { pickMany: (items) => items.filter((i) => i.label === '$(add) OLD') }],
      client,
    );
    const report = await run(FILE);
    assert.deepEqual(client.writes, [`create OLD=${VALUES[1]} global/`]);
    assert.deepEqual(report.skipped, ['NEW', 'line 3']);
  });

  it('writes nothing when only invalid entries or none are checked', async () => {
    const client = new FakeClient([]);
    const { run } = setup([{ pick: 'Global' }, { pickMany: (items) => items.filter((i) => !i.picked) }], client);
    await assert.rejects(run(FILE), UserFacingError);
    assert.deepEqual(client.writes, []);
  });

  it('uses the target of the preset without asking', async () => {
    const client = new FakeClient([]);
    const { run, input } = setup([acceptAsOffered], client);
    await run(FILE, { connectionId: 'local', target: { scope: 'global' } });
    assert.deepEqual(
      input.questions.map((q) => q.kind),
      ['pickMany'],
    );
  });

  it('writes nothing when cancelled at any question', async () => {
    for (const answers of [['cancel'], [{ pick: 'Global' }, 'cancel']] as ScriptedAnswer[][]) {
      const client = new FakeClient([]);
      const { run } = setup(answers, client);
      await assert.rejects(run(FILE), (error) => isUserCancelled(error));
      assert.deepEqual(client.writes, []);
    }
  });

  it('runs the writes under a cancellable progress and starts no write once it is cancelled', async () => {
    const client = new FakeClient([]);
    const titles: string[] = [];
    const cancelAfterFirstWrite: ProgressReporter = {
      withProgress: (_title, task) => task(),
      withCancellableProgress: (title, task) => {
        titles.push(title);
        const signal = { isCancellationRequested: false };
        return task(() => void (signal.isCancellationRequested = true), signal);
      },
    };
    const file = { fileName: '.env', text: 'ONE=1\nTWO=2\nTHREE=3\n' };
    const { run, recorder, refreshed } = setup([{ pick: 'Global' }, acceptAsOffered], client, {
      progress: cancelAfterFirstWrite,
      importConcurrency: 1,
    });
    const report = await run(file);
    assert.deepEqual(titles, ['Importing .env into global scope of Local']);
    assert.deepEqual(client.writes, ['create ONE=1 global/']);
    assert.deepEqual(report, { created: ['ONE'], updated: [], skipped: ['TWO', 'THREE'], failed: [], cancelled: true });
    assert.deepEqual(refreshed, ['local'], 'what was written is shown');
    assert.deepEqual(recorder.messages, [
      'info: Imported .env into global scope of Local: 1 created, 0 updated, 2 skipped, 0 failed (cancelled).',
    ]);
  });

  it('refuses a file without assignments, and a connection that is not signed in', async () => {
    await assert.rejects(setup([]).run({ fileName: '.env', text: '# only a comment\n' }), UserFacingError);
    await assert.rejects(setup([{ pick: 'Global' }], 'signedOut').run(FILE), SignInRequiredError);
  });

  it('goes through the session guard: refused credentials mark the session expired and offer Sign In', async () => {
    const client = new FakeClient([]);
    client.failList = new FluxbaseApiError('auth', 'Unauthorized: the token has expired');
    const expired: string[] = [];
    const { run, recorder } = setup([{ pick: 'Global' }], client, {}, expired);
    await assert.rejects(run(FILE), ConnectionError);
    assert.deepEqual(expired, ['local'], 'the tree shows the session as expired');

    const shown: string[] = [];
    const notifier: Notifier = {
      info: async () => undefined,
      warn: async () => undefined,
      error: async (message, ...actions) => void shown.push(`${message} [${actions.join(', ')}]`),
    };
    client.failList = new FluxbaseApiError('auth', 'Unauthorized: the token has expired');
    const again = setup([{ pick: 'Global' }], client, {}, expired);
    await runCommand('fluxbaseSecrets.importEnvFile', () => again.run(FILE), {
      notifier,
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {} },
      onAction: () => undefined,
    })({ kind: 'none' });
    assert.equal(shown.length, 1);
    assert.match(shown[0]!, /^Could not import the \.env file: "Local" refused the credentials.*\[Sign In\]$/);
    assert.deepEqual(recorder.messages, []);
  });

  it('marks the session expired when a write is refused mid-way, and reports the entry as failed', async () => {
    const client = new FakeClient([]);
    client.failCreate = new FluxbaseApiError('auth', 'Unauthorized: the token has expired');
    const expired: string[] = [];
    const { run } = setup([{ pick: 'Global' }, acceptAsOffered], client, { importConcurrency: 1 }, expired);
    const report = await run({ fileName: '.env', text: 'ONE=1\n' });
    assert.deepEqual(
      report.failed.map((failure) => failure.name),
      ['ONE'],
    );
    assert.deepEqual(expired, ['local']);
  });
});
