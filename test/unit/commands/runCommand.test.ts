import * as assert from 'node:assert/strict';
import { FluxbaseApiError, type FluxbaseErrorKind } from '../../../src/core/api/fluxbaseApiError';
import { ConnectionError, SignInRequiredError, UserFacingError } from '../../../src/core/commands/commandErrors';
import type { ErrorAction } from '../../../src/core/commands/errorPresentation';
import { runCommand } from '../../../src/core/commands/runCommand';
import type { CommandArgument } from '../../../src/core/commandArgument';

const NONE: CommandArgument = { kind: 'none' };
import { UserCancelledError } from '../../../src/core/userInput';
import { RecordingLogger, settingsConnection } from '../explorer/support/fakes';
import { RecordingNotifier } from './support/commandHarness';

function wrap(failure: unknown, click?: string) {
  const notifier = new RecordingNotifier();
  if (click) {
    notifier.respond = () => click;
  }
  const logger = new RecordingLogger();
  const actions: ErrorAction[] = [];
  const command = runCommand(
    'fluxbaseSecrets.createSecret',
    async () => {
      throw failure;
    },
    { notifier, logger, onAction: (action) => actions.push(action) },
  );
  return { command, notifier, logger, actions };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const connection = settingsConnection('Prod', 'https://prod.example.com');

describe('runCommand', () => {
  it('resolves to the handler’s result and shows nothing when it succeeds', async () => {
    const notifier = new RecordingNotifier();
    const command = runCommand('fluxbaseSecrets.refresh', async () => 42, {
      notifier,
      logger: new RecordingLogger(),
      onAction: () => undefined,
    });
    assert.equal(await command(NONE), 42);
    assert.deepEqual(notifier.shown, []);
  });

  it('ends silently when the person cancels', async () => {
    const { command, notifier, logger } = wrap(new UserCancelledError());
    assert.equal(await command(NONE), undefined);
    assert.deepEqual(notifier.shown, []);
    assert.ok(!logger.lines.some((line) => line.startsWith('error')));
  });

  it('recognises a cancellation from another copy of the UserInput module by its global brand', async () => {
    const foreign = Object.assign(new Error('Cancelled'), { [Symbol.for('fluxbaseSecrets.userCancelled')]: true });
    const { command, notifier } = wrap(foreign);
    await command(NONE);
    assert.deepEqual(notifier.shown, []);
  });

  it('shows a user-facing error once, as a warning, without logs', async () => {
    const { command, notifier, logger } = wrap(new UserFacingError('There is no secret yet.'));
    await command(NONE);
    assert.deepEqual(notifier.shown, [{ level: 'warn', message: 'There is no secret yet.', actions: [] }]);
    assert.ok(!logger.lines.some((line) => line.startsWith('error')));
  });

  it('offers "Sign In" for the connection when the command needs one that is signed out', async () => {
    const { command, notifier, actions } = wrap(new SignInRequiredError(connection), 'Sign In');
    await command(NONE);
    await settle();
    assert.deepEqual(notifier.shown, [{ level: 'warn', message: 'Sign in to "Prod" first.', actions: ['Sign In'] }]);
    assert.deepEqual(actions, [{ title: 'Sign In', kind: 'signIn', connectionId: connection.id }]);
  });

  it('offers "Sign In" when the server refused the credentials', async () => {
    const cause = new FluxbaseApiError('auth', 'Invalid or expired Bearer token (401)', { status: 401 });
    const { command, notifier, actions } = wrap(new ConnectionError(connection, cause), 'Sign In');
    await command(NONE);
    await settle();
    assert.equal(notifier.shown.length, 1);
    assert.equal(notifier.shown[0]?.level, 'error');
    assert.match(
      notifier.shown[0]!.message,
      /^Could not create the secret: "Prod" refused the credentials \(Invalid or expired Bearer token \(401\)\)\. Sign in again\.$/,
    );
    assert.deepEqual(notifier.shown[0]?.actions, ['Sign In']);
    assert.equal(actions[0]?.kind, 'signIn');
  });

  for (const kind of ['network', 'timeout'] as const) {
    it(`says to check the URL and offers the logs when the server cannot be reached (${kind})`, async () => {
      const cause = new FluxbaseApiError(kind, 'Cannot reach https://prod.example.com: connection refused.');
      const { command, notifier, actions } = wrap(new ConnectionError(connection, cause), 'Show Logs');
      await command(NONE);
      await settle();
      assert.equal(notifier.shown.length, 1);
      assert.match(notifier.shown[0]!.message, /cannot reach "Prod" at https:\/\/prod\.example\.com .*Check the URL/);
      assert.deepEqual(notifier.shown[0]?.actions, ['Show Logs']);
      assert.deepEqual(actions, [{ title: 'Show Logs', kind: 'showLogs' }]);
    });
  }

  const otherKinds: FluxbaseErrorKind[] = [
    'forbidden',
    'notFound',
    'conflict',
    'validation',
    'rateLimited',
    'server',
    'malformedResponse',
  ];
  for (const kind of otherKinds) {
    it(`shows a ${kind} error in one line with the server's words and "Show Logs", and logs it once`, async () => {
      const { command, notifier, logger } = wrap(new FluxbaseApiError(kind, `Server said ${kind}.`, { status: 400 }));
      await command(NONE);
      assert.deepEqual(notifier.shown, [
        { level: 'error', message: `Could not create the secret: Server said ${kind}.`, actions: ['Show Logs'] },
      ]);
      assert.equal(logger.lines.filter((line) => line.startsWith('error')).length, 1);
    });
  }

  it('logs an unexpected error with its stack and shows one line', async () => {
    const { command, notifier, logger } = wrap(new TypeError('boom'));
    await command(NONE);
    assert.deepEqual(notifier.shown, [
      { level: 'error', message: 'Could not create the secret: boom.', actions: ['Show Logs'] },
    ]);
    const logged = logger.lines.filter((line) => line.startsWith('error'));
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /TypeError: boom\n\s+at /);
  });
});
