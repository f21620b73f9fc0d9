import * as assert from 'node:assert/strict';
import type { CreateSecretPrefill } from '../../../src/core/commands/createSecret';
import { ComparePanelController, type CompareStorePort } from '../../../src/core/compare/comparePanelController';
import { Emitter } from '../../../src/shared/disposable';
import type { SecretRef } from '../../../src/shared/secretRef';
import type { ConnectionState } from '../../../src/core/explorer/secretsStore';
import type { CompareColumnSpec, CompareHostMessage } from '../../../src/shared/compareProtocol';
import { RecordingLogger } from '../history/fakeHistoryPorts';
import { NOW } from '../explorer/support/fakeFluxbase';
import { summary } from '../explorer/support/secrets';

type Conn = Pick<ConnectionState, 'id' | 'name' | 'status' | 'secrets'>;
type TableMessage = Extract<CompareHostMessage, { type: 'table' }>;

class FakeStore implements CompareStorePort {
  readonly refreshed: (string | undefined)[] = [];
  private readonly changes = new Emitter<void>();
  constructor(public conns: Conn[]) {}
  connections = (): readonly Conn[] => this.conns;
  onDidChange = (listener: () => void) => this.changes.event(listener);
  refresh = async (id?: string): Promise<void> => void this.refreshed.push(id);
  change(conns: Conn[]): void {
    this.conns = conns;
    this.changes.fire();
  }
}

const prodStripe = summary({ name: 'stripe_key', version: 3 });
const prod: Conn = {
  id: 'prod',
  name: 'prod',
  status: 'ready',
  secrets: [prodStripe, summary({ name: 'DB_URL' })],
};
const staging: Conn = { id: 'staging', name: 'staging', status: 'ready', secrets: [summary({ name: 'DB_URL' })] };
const columns: CompareColumnSpec[] = [
  { connectionId: 'prod', scope: { kind: 'global' } },
  { connectionId: 'staging', scope: { kind: 'global' } },
];

function setup(specs: CompareColumnSpec[] = columns) {
  const store = new FakeStore([prod, staging]);
  const posted: CompareHostMessage[] = [];
  const created: CreateSecretPrefill[] = [];
  const histories: SecretRef[] = [];
  const logger = new RecordingLogger();
  const controller = new ComparePanelController(specs, {
    store,
    page: { post: (message) => void posted.push(message) },
    logger,
    createSecret: async (prefill) => void created.push(prefill),
    showHistory: (ref) => void histories.push(ref),
    now: () => NOW,
  });
  return { store, posted, created, histories, logger, controller };
}

function lastTable(posted: CompareHostMessage[]): TableMessage {
  const table = posted.filter((message): message is TableMessage => message.type === 'table').at(-1);
  assert.ok(table, 'no table was posted');
  return table;
}

function cellsOf(table: TableMessage): string[][] {
  return table.rows.map((row) => [row.variable, ...row.cells.map((cell) => cell.kind)]);
}

describe('ComparePanelController', () => {
  it('posts nothing before ready, then the state and the table with one titled column per scope', async () => {
    const { posted, controller } = setup();
    assert.deepEqual(posted, []);
    await controller.receive({ type: 'ready' });
    assert.deepEqual(posted[0], { type: 'state', state: { columns, filter: 'all' } });
    const table = lastTable(posted);
    assert.deepEqual(table.columns, ['prod · Global', 'staging · Global']);
    assert.deepEqual(cellsOf(table), [
      ['FLUXBASE_SECRET_DB_URL', 'present', 'present'],
      ['FLUXBASE_SECRET_STRIPE_KEY', 'present', 'missing'],
    ]);
  });

  it('follows store changes live once ready, and says when a column has nothing loaded', async () => {
    const { store, posted, controller } = setup();
    store.change([prod, staging]);
    assert.deepEqual(posted, [], 'a change before ready posts nothing');
    await controller.receive({ type: 'ready' });
    store.change([prod, { ...staging, secrets: [...staging.secrets, summary({ name: 'stripe_key' })] }]);
    assert.deepEqual(cellsOf(lastTable(posted))[1], ['FLUXBASE_SECRET_STRIPE_KEY', 'present', 'present']);
    store.change([prod, { ...staging, status: 'signedOut', secrets: [] }]);
    assert.deepEqual(lastTable(posted).columns, ['prod · Global', 'staging · Global (signed out: not loaded)']);
  });

  it('filters on request and keeps the filter in the saved state', async () => {
    const { posted, controller } = setup();
    await controller.receive({ type: 'ready' });
    await controller.receive({ type: 'setFilter', filter: 'missing' });
    const table = lastTable(posted);
    assert.equal(table.filter, 'missing');
    assert.deepEqual(
      table.rows.map((row) => row.variable),
      ['FLUXBASE_SECRET_STRIPE_KEY'],
    );
    assert.deepEqual(posted.filter((message) => message.type === 'state').at(-1), {
      type: 'state',
      state: { columns, filter: 'missing' },
    });
  });

  it('ignores and logs malformed messages', async () => {
    const { posted, created, histories, logger, controller } = setup();
    await controller.receive({ type: 'ready' });
    const before = posted.length;
    for (const bad of [
      null,
      'ready',
      { type: 'setFilter', filter: 'everything' },
      { type: 'createHere', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: -1 },
      { type: 'createHere', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: '1' },
      { type: 'showHistory', variable: 7, column: 0 },
    ]) {
      await controller.receive(bad);
    }
    assert.equal(posted.length, before);
    assert.deepEqual(created, []);
    assert.deepEqual(histories, []);
    assert.equal(logger.lines.filter((line) => line.startsWith('warn')).length, 6);
  });

  it('"Create here" prefills the name (as the other column has it) and the target, never a value', async () => {
    const { created, controller } = setup();
    await controller.receive({ type: 'ready' });
    await controller.receive({ type: 'createHere', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: 1 });
    assert.deepEqual(created, [{ connectionId: 'staging', name: 'stripe_key', scope: 'global', origin: 'compare' }]);
  });

  it('"Create here" in a namespace or function column targets that namespace', async () => {
    const { created, controller } = setup([
      { connectionId: 'prod', scope: { kind: 'global' } },
      { connectionId: 'staging', scope: { kind: 'function', namespace: 'payments' } },
    ]);
    await controller.receive({ type: 'ready' });
    await controller.receive({ type: 'createHere', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: 1 });
    assert.deepEqual(created, [
      { connectionId: 'staging', name: 'stripe_key', scope: 'namespace', namespace: 'payments', origin: 'compare' },
    ]);
  });

  it('refuses "Create here" on a present cell, an unknown row or a column out of range', async () => {
    const { created, controller } = setup();
    await controller.receive({ type: 'ready' });
    await controller.receive({ type: 'createHere', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: 0 });
    await controller.receive({ type: 'createHere', variable: 'FLUXBASE_SECRET_NOPE', column: 1 });
    await controller.receive({ type: 'createHere', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: 2 });
    assert.deepEqual(created, []);
  });

  it('"History" opens the history of the present secret of that column, and only of a present one', async () => {
    const { histories, controller } = setup();
    await controller.receive({ type: 'ready' });
    await controller.receive({ type: 'showHistory', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: 1 });
    assert.deepEqual(histories, []);
    await controller.receive({ type: 'showHistory', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: 0 });
    assert.deepEqual(histories, [{ connectionId: 'prod', id: prodStripe.id, name: 'stripe_key', scope: 'global' }]);
  });

  it('refresh refreshes each compared connection once', async () => {
    const { store, controller } = setup([
      ...columns,
      { connectionId: 'prod', scope: { kind: 'namespace', namespace: 'payments' } },
    ]);
    await controller.receive({ type: 'ready' });
    await controller.receive({ type: 'refresh' });
    assert.deepEqual(store.refreshed, ['prod', 'staging']);
  });

  it('stops following the store once disposed', async () => {
    const { store, posted, controller } = setup();
    await controller.receive({ type: 'ready' });
    controller.dispose();
    const before = posted.length;
    store.change([prod, staging]);
    await controller.receive({ type: 'setFilter', filter: 'missing' });
    assert.equal(posted.length, before);
  });
});
