import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { currentOf, lastHistory, settle, setup, threeVersions } from './controllerHarness';
import { stripeRef, stripeSecret, versionRow } from './historyFixtures';

describe('HistoryPanelController', () => {
  describe('loading', () => {
    it('posts nothing before the page is ready', async () => {
      const { page, controller, source } = setup();
      await controller.reload();
      source.fireChange();
      await settle();
      assert.deepEqual(page.messages, []);
    });

    it('answers ready with loading, then the history newest first with the current version marked', async () => {
      const { page, controller } = setup();
      await controller.receive({ type: 'ready' });
      assert.deepEqual(page.types(), ['loading', 'history']);
      const history = lastHistory(page);
      assert.deepEqual(history.ref, stripeRef);
      assert.deepEqual(
        history.view.versions.map((row) => row.version),
        [3, 2, 1],
      );
      assert.deepEqual(currentOf(history), [3]);
      assert.equal(history.view.versions[0]?.created.relative, '1 day ago');
      assert.equal(history.pendingRollback, undefined);
    });

    it('shows the signed-out state without calling the server when the connection has no session', async () => {
      const { page, controller, source } = setup();
      source.signedIn = false;
      await controller.receive({ type: 'ready' });
      assert.deepEqual(page.lastState, { type: 'signedOut', ref: stripeRef, canSignIn: false });
      assert.deepEqual(source.calls, []);
    });

    it('offers sign-in on the signed-out page when it can, and reloads after signing in', async () => {
      const signedInto: string[] = [];
      const { page, controller, source } = setup({
        signIn: async (connectionId) => {
          signedInto.push(connectionId);
          source.signedIn = true;
        },
      });
      source.signedIn = false;
      await controller.receive({ type: 'ready' });
      assert.deepEqual(page.lastState, { type: 'signedOut', ref: stripeRef, canSignIn: true });
      await controller.receive({ type: 'signIn' });
      assert.deepEqual(signedInto, ['local']);
      assert.equal(page.lastState?.type, 'history');
    });

    it('shows signed out when the server rejects the session', async () => {
      const { page, controller, source } = setup();
      source.failNext.set('getSecret', new FluxbaseApiError('auth', 'Not signed in (401)', { status: 401 }));
      await controller.receive({ type: 'ready' });
      assert.equal(page.lastState?.type, 'signedOut');
    });

    it('shows the deleted state when the secret is gone (404)', async () => {
      const { page, controller, source } = setup();
      source.secret = undefined;
      await controller.receive({ type: 'ready' });
      assert.deepEqual(page.lastState, { type: 'deleted', ref: stripeRef });
    });

    it('shows an error with the API message, and a retry loads again', async () => {
      const { page, controller, source, logger } = setup();
      source.failNext.set('getVersions', new FluxbaseApiError('server', 'Server error (500): database down'));
      await controller.receive({ type: 'ready' });
      assert.deepEqual(page.lastState, { type: 'error', ref: stripeRef, message: 'Server error (500): database down' });
      assert.ok(logger.lines.some((line) => line.startsWith('error ') && line.includes('database down')));
      await controller.receive({ type: 'refresh' });
      assert.equal(page.lastState?.type, 'history');
    });

    it('does not show the text of an unexpected error, only that one happened', async () => {
      const { page, controller, source } = setup();
      source.failNext.set('getSecret', new TypeError('cannot read properties of undefined (reading "value")'));
      await controller.receive({ type: 'ready' });
      const state = page.lastState;
      assert.equal(state?.type, 'error');
      assert.doesNotMatch(JSON.stringify(state), /reading/);
    });

    it('follows changes made elsewhere once ready', async () => {
      const { page, controller, source } = setup();
      await controller.receive({ type: 'ready' });
      source.secret = stripeSecret({ version: 4, description: 'rotated' });
      source.versions = [versionRow(4, '2026-05-01T11:00:00Z'), ...threeVersions()];
      source.fireChange();
      await settle();
      const history = lastHistory(page);
      assert.deepEqual(currentOf(history), [4]);
      assert.equal(history.view.description, 'rotated');
    });

    it('switches to the deleted state when the secret is deleted elsewhere', async () => {
      const { page, controller, source } = setup();
      await controller.receive({ type: 'ready' });
      source.secret = undefined;
      source.fireChange();
      await settle();
      assert.equal(page.lastState?.type, 'deleted');
    });

    it('does not flash the loading state on a background refresh of a loaded page', async () => {
      const { page, controller, source } = setup();
      await controller.receive({ type: 'ready' });
      page.messages.length = 0;
      source.fireChange();
      await settle();
      assert.deepEqual(page.types(), ['history']);
    });

    it('shows only the newest load when an older one answers later', async () => {
      const { page, controller, source } = setup();
      await controller.receive({ type: 'ready' });
      let release!: () => void;
      source.gate = new Promise((resolve) => (release = resolve));
      const slow = controller.reload();
      source.gate = undefined;
      source.secret = stripeSecret({ version: 5 });
      source.versions = [versionRow(5, '2026-05-01T11:00:00Z'), ...threeVersions()];
      await controller.reload();
      release();
      await slow;
      assert.deepEqual(currentOf(lastHistory(page)), [5]);
    });

    it('re-sends what it showed when a rebuilt page says ready again, then fetches afresh', async () => {
      const { page, controller, source } = setup();
      await controller.receive({ type: 'ready' });
      page.messages.length = 0;
      source.calls.length = 0;
      await controller.receive({ type: 'ready' });
      assert.deepEqual(page.types(), ['history', 'history']);
      assert.deepEqual(source.calls, [`getSecret ${stripeRef.id}`, `getVersions ${stripeRef.id}`]);
    });

    it('stops following changes once disposed', async () => {
      const { page, controller, source } = setup();
      await controller.receive({ type: 'ready' });
      controller.dispose();
      page.messages.length = 0;
      source.calls.length = 0;
      source.fireChange();
      await controller.receive({ type: 'refresh' });
      await settle();
      assert.deepEqual(page.messages, []);
      assert.deepEqual(source.calls, []);
    });
  });

  describe('authors', () => {
    it('marks the versions of the signed-in user "You", others by short id, and unrecorded ones with a dash', async () => {
      const { page, controller, source } = setup();
      source.user = { id: 'user-2', email: 'me@example.com' };
      await controller.receive({ type: 'ready' });
      assert.deepEqual(
        lastHistory(page).view.versions.map((row) => [row.version, row.author.kind, row.author.label]),
        [
          [3, 'you', 'You'],
          [2, 'unknown', '—'],
          [1, 'user', 'user-1'],
        ],
      );
      assert.deepEqual(source.userLookups, [stripeRef.connectionId]);
    });

    it('still shows the history, without "You", when the signed-in user cannot be told', async () => {
      const { page, controller, source } = setup();
      source.user = () => {
        throw new FluxbaseApiError('network', 'Could not reach the server');
      };
      await controller.receive({ type: 'ready' });
      const history = lastHistory(page);
      assert.deepEqual(
        history.view.versions.map((row) => row.author.kind),
        ['user', 'unknown', 'user'],
      );
    });

    it("copies the full id of a version's author on request, and says so", async () => {
      const copied: string[] = [];
      const { page, controller } = setup({ copyToClipboard: async (text) => void copied.push(text) });
      await controller.receive({ type: 'ready' });
      await controller.receive({ type: 'copyAuthorId', version: 1 });
      assert.deepEqual(copied, ['user-1']);
      assert.deepEqual(page.notices.at(-1), {
        type: 'notice',
        severity: 'info',
        text: 'Copied the user id of the author of version 1.',
      });
    });

    it('copies nothing for a version without a recorded author or one the page does not show', async () => {
      const copied: string[] = [];
      const { controller, logger } = setup({ copyToClipboard: async (text) => void copied.push(text) });
      await controller.receive({ type: 'ready' });
      await controller.receive({ type: 'copyAuthorId', version: 2 });
      await controller.receive({ type: 'copyAuthorId', version: 9 });
      assert.deepEqual(copied, []);
      assert.equal(logger.lines.filter((line) => line.startsWith('warn ') && line.includes('copy')).length, 2);
    });

    it('tells the page when the clipboard refuses', async () => {
      const { page, controller } = setup({
        copyToClipboard: () => Promise.reject(new Error('clipboard unavailable')),
      });
      await controller.receive({ type: 'ready' });
      await controller.receive({ type: 'copyAuthorId', version: 3 });
      assert.equal(page.notices.at(-1)?.severity, 'error');
    });
  });

  describe('malformed and other messages', () => {
    it('logs a malformed message and does nothing', async () => {
      const { page, controller, source, logger } = setup();
      await controller.receive({ type: 'ready' });
      page.messages.length = 0;
      source.calls.length = 0;
      for (const bad of [{ type: 'rollback', version: '1' }, { type: 'deleteSecret' }, null, 'ready', [1]]) {
        await controller.receive(bad);
      }
      assert.deepEqual(page.messages, []);
      assert.deepEqual(source.calls, []);
      const warnings = logger.lines.filter((line) => line.startsWith('warn ') && line.includes('malformed'));
      assert.equal(warnings.length, 5);
    });

    it('closes the page when asked', async () => {
      const { page, controller } = setup();
      await controller.receive({ type: 'ready' });
      await controller.receive({ type: 'close' });
      assert.equal(page.closed, true);
    });

    it('logs a sign-in request when no sign-in is available', async () => {
      const { controller, logger, source } = setup();
      source.signedIn = false;
      await controller.receive({ type: 'ready' });
      await controller.receive({ type: 'signIn' });
      assert.ok(logger.lines.some((line) => line.startsWith('warn ') && line.includes('sign-in')));
    });
  });
});

describe('HistoryPanelController: where the secret is used', () => {
  it("asks the workspace index about the secret's variable and shows its readers on the page", async () => {
    const asked: string[] = [];
    const usage = {
      indexed: true as const,
      readers: [{ kind: 'job' as const, name: 'nightly', path: 'fluxbase/jobs/nightly.ts', references: 1 }],
    };
    const { controller, page } = setup({
      usage: (variable) => {
        asked.push(variable);
        return usage;
      },
    });
    await controller.receive({ type: 'ready' });
    assert.deepEqual(asked, ['FLUXBASE_SECRET_STRIPE_KEY']);
    assert.deepEqual(lastHistory(page).view.usage, usage);
  });
});
