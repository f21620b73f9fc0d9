import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { currentOf, lastHistory, setup, type HistoryMessage } from './controllerHarness';
import { stripeRef } from './historyFixtures';

/** The rollback flow (historyRollback.ts), driven through the panel's controller as the page drives it. */
describe('HistoryPanelController', () => {
  describe('rollback', () => {
    it('names the connection in the confirmation and the header when there are several', async () => {
      const { page, controller, source, confirm } = setup();
      source.connectionList = [
        { id: 'local', name: 'prod', url: 'https://prod.example.com' },
        { id: 'other', name: 'staging', url: 'https://staging.example.com' },
      ];
      confirm.answer(false);
      await controller.receive({ type: 'ready' });
      assert.deepEqual(lastHistory(page).view.connection, { name: 'prod', url: 'https://prod.example.com' });
      await controller.receive({ type: 'rollback', version: 1 });
      assert.deepEqual(confirm.asked, [
        { name: 'STRIPE_KEY', connection: 'prod', namespace: 'billing', version: 1, currentVersion: 3 },
      ]);
    });

    it('names no connection in the confirmation when there is only one, but still in the header', async () => {
      const { page, controller, source, confirm } = setup();
      source.connectionList = [{ id: 'local', name: 'prod', url: 'https://prod.example.com' }];
      confirm.answer(false);
      await controller.receive({ type: 'ready' });
      assert.deepEqual(lastHistory(page).view.connection, { name: 'prod', url: 'https://prod.example.com' });
      await controller.receive({ type: 'rollback', version: 1 });
      assert.deepEqual(confirm.asked, [{ name: 'STRIPE_KEY', namespace: 'billing', version: 1, currentVersion: 3 }]);
    });

    it('confirms, rolls back, refreshes the explorer and shows the new current version', async () => {
      const { page, controller, source, confirm, logger } = setup();
      confirm.answer(true);
      await controller.receive({ type: 'ready' });
      await controller.receive({ type: 'rollback', version: 1 });

      assert.deepEqual(confirm.asked, [{ name: 'STRIPE_KEY', namespace: 'billing', version: 1, currentVersion: 3 }]);
      assert.ok(source.calls.includes(`rollback ${stripeRef.id} 1`));
      assert.deepEqual(source.refreshes, ['local']);
      const history = lastHistory(page);
      assert.deepEqual(currentOf(history), [4]);
      assert.deepEqual(
        history.view.versions.map((row) => row.version),
        [4, 3, 2, 1],
      );
      assert.equal(history.pendingRollback, undefined);
      assert.deepEqual(page.last, {
        type: 'notice',
        severity: 'info',
        text: 'Rolled back to version 1. The current version is now 4.',
      });
      assert.ok(logger.lines.some((line) => line.includes('back to version 1; it is now version 4')));
    });

    it('rolls nothing back when someone saved a version while the confirmation was open, and shows theirs', async () => {
      const { page, controller, source, confirm } = setup();
      confirm.answer(true);
      confirm.meanwhile = () => {
        const secret = source.secret!;
        source.secret = { ...secret, version: 4 };
        source.versions = [
          { id: 'row-4', secret_id: secret.id, version: 4, created_at: '2026-05-01T11:00:00Z' },
          ...source.versions,
        ];
      };
      await controller.receive({ type: 'ready' });
      await controller.receive({ type: 'rollback', version: 1 });
      assert.deepEqual(confirm.asked, [{ name: 'STRIPE_KEY', namespace: 'billing', version: 1, currentVersion: 3 }]);
      assert.equal(
        source.calls.some((call) => call.startsWith('rollback')),
        false,
      );
      assert.deepEqual(currentOf(lastHistory(page)), [4], 'the page shows their version');
      assert.equal(lastHistory(page).pendingRollback, undefined);
      assert.deepEqual(page.last, {
        type: 'notice',
        severity: 'error',
        text: '"STRIPE_KEY" changed while you were answering: it is now version 4, not 3. Nothing was changed; look at the new version and try again.',
      });
      assert.deepEqual(source.refreshes, ['local'], 'the tree is asked to show their version too');
    });

    it('marks the rollback as pending while the request runs', async () => {
      const { page, controller, confirm } = setup();
      confirm.answer(true);
      await controller.receive({ type: 'ready' });
      await controller.receive({ type: 'rollback', version: 2 });
      const pending = page.messages.filter((message) => message.type === 'history' && message.pendingRollback === 2);
      assert.equal(pending.length, 1);
      assert.deepEqual(currentOf(pending[0] as HistoryMessage), [3], 'the pending state still shows the old version');
    });

    it('does nothing when the user cancels', async () => {
      const { page, controller, source, confirm } = setup();
      confirm.answer(false);
      await controller.receive({ type: 'ready' });
      page.messages.length = 0;
      await controller.receive({ type: 'rollback', version: 1 });
      assert.equal(confirm.asked.length, 1);
      assert.equal(
        source.calls.some((call) => call.startsWith('rollback')),
        false,
      );
      assert.deepEqual(source.refreshes, []);
      assert.deepEqual(page.messages, []);
      assert.equal(source.secret?.version, 3);
    });

    it('shows a failed rollback in the page and changes nothing', async () => {
      const { page, controller, source, confirm } = setup();
      confirm.answer(true);
      await controller.receive({ type: 'ready' });
      const before = lastHistory(page);
      source.failNext.set('rollback', new FluxbaseApiError('server', 'Server error (500): Failed to rollback'));
      await controller.receive({ type: 'rollback', version: 1 });
      const after = lastHistory(page);
      assert.deepEqual(after.view, before.view);
      assert.equal(after.pendingRollback, undefined);
      assert.deepEqual(page.last, {
        type: 'notice',
        severity: 'error',
        text: 'Rollback to version 1 failed: Server error (500): Failed to rollback',
      });
      assert.deepEqual(source.refreshes, []);
      assert.equal(source.secret?.version, 3);
    });

    it('shows the deleted state when the secret was deleted before the rollback (404)', async () => {
      const { page, controller, source, confirm } = setup();
      confirm.answer(true);
      await controller.receive({ type: 'ready' });
      source.secret = undefined;
      await controller.receive({ type: 'rollback', version: 1 });
      assert.equal(page.lastState?.type, 'deleted');
      assert.equal(page.notices.at(-1)?.severity, 'error');
      assert.deepEqual(source.refreshes, []);
    });

    it('ignores a rollback to the current version or to a version the page does not show, without asking', async () => {
      const { controller, source, confirm, logger } = setup();
      await controller.receive({ type: 'ready' });
      await controller.receive({ type: 'rollback', version: 3 });
      await controller.receive({ type: 'rollback', version: 99 });
      assert.deepEqual(confirm.asked, []);
      assert.equal(
        source.calls.some((call) => call.startsWith('rollback')),
        false,
      );
      assert.equal(logger.lines.filter((line) => line.startsWith('warn ')).length, 2);
    });

    it('ignores a rollback before anything is loaded', async () => {
      const { controller, confirm, source } = setup();
      source.signedIn = false;
      await controller.receive({ type: 'ready' });
      await controller.receive({ type: 'rollback', version: 1 });
      assert.deepEqual(confirm.asked, []);
    });

    it('runs one rollback at a time', async () => {
      const { controller, source, confirm } = setup();
      confirm.answer(true);
      await controller.receive({ type: 'ready' });
      const first = controller.receive({ type: 'rollback', version: 1 });
      const second = controller.receive({ type: 'rollback', version: 2 });
      await Promise.all([first, second]);
      assert.equal(confirm.asked.length, 1);
      assert.deepEqual(
        source.calls.filter((call) => call.startsWith('rollback')),
        [`rollback ${stripeRef.id} 1`],
      );
    });
  });
});
