import * as assert from 'node:assert/strict';
import { currentOf, lastHistory, settle, setup, threeVersions } from './controllerHarness';
import type { InlineHistoryMessage } from '../../../src/shared/historyInlineMessage';
import { stripeRef, stripeSecret, versionRow } from './historyFixtures';

/** Read through a function, so that an earlier assertion's narrowing does not stick to the getter. */
function stateOf(controller: ReturnType<typeof setup>['controller']): InlineHistoryMessage | undefined {
  return controller.currentState;
}

const secretCalls = [`getSecret ${stripeRef.id}`, `getVersions ${stripeRef.id}`];

describe('HistoryPanelController, the first load started with the panel', () => {
  it('fetches before the page exists, posts nothing, and offers the history as the first state', async () => {
    const { page, controller, source } = setup();
    assert.equal(controller.currentState, undefined);
    await controller.start();
    assert.deepEqual(source.calls, secretCalls);
    assert.deepEqual(page.messages, []);
    const first = stateOf(controller);
    assert.equal(first?.type, 'history');
    assert.deepEqual(first?.type === 'history' ? first.view.versions.map((row) => row.version) : [], [3, 2, 1]);
  });

  it("answers the page's first ready with that history, without a second request", async () => {
    const { page, controller, source } = setup();
    await controller.start();
    await controller.receive({ type: 'ready' });
    assert.deepEqual(page.types(), ['history']);
    assert.deepEqual(source.calls, secretCalls, 'one load, started with the panel');
  });

  it('answers a ready that comes while the load runs with loading, then the history when it lands', async () => {
    const { page, controller, source } = setup();
    let release!: () => void;
    source.gate = new Promise((resolve) => (release = resolve));
    const first = controller.start();
    assert.equal(controller.currentState?.type, 'loading');
    await controller.receive({ type: 'ready' });
    assert.deepEqual(page.types(), ['loading']);
    release();
    await first;
    assert.deepEqual(page.types(), ['loading', 'history']);
    assert.deepEqual(source.calls, secretCalls);
  });

  it('fetches afresh when the page is rebuilt and says ready again', async () => {
    const { page, controller, source } = setup();
    await controller.start();
    await controller.receive({ type: 'ready' });
    source.calls.length = 0;
    page.messages.length = 0;
    await controller.receive({ type: 'ready' });
    assert.deepEqual(page.types(), ['history', 'history']);
    assert.deepEqual(source.calls, secretCalls);
  });

  it('keeps the first state fresh when something changes before the page is ready', async () => {
    const { page, controller, source } = setup();
    await controller.start();
    source.secret = stripeSecret({ version: 4 });
    source.versions = [versionRow(4, '2026-05-01T11:00:00Z'), ...threeVersions()];
    source.fireChange();
    await settle();
    assert.deepEqual(page.messages, [], 'still nothing posted before ready');
    await controller.receive({ type: 'ready' });
    assert.deepEqual(currentOf(lastHistory(page)), [4]);
  });

  it('offers the signed-out state as the first state without calling the server', async () => {
    const { controller, source } = setup();
    source.signedIn = false;
    await controller.start();
    assert.deepEqual(controller.currentState, { type: 'signedOut', ref: stripeRef, canSignIn: false });
    assert.deepEqual(source.calls, []);
  });
});
