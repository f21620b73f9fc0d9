import * as assert from 'node:assert/strict';
import type { FunctionContext } from '../../../src/core/functions/functionNamespaces';
import { CHARGE } from '../functions/functionFixtures';
import { commandHarness } from './support/commandHarness';
import { pick } from './support/scriptedUserInput';

describe('fluxbaseSecrets.showEffectiveVariables from a function file', () => {
  it('opens for the active function: its connection and first namespace, without asking', async () => {
    const h = commandHarness();
    h.server.seed({ name: 'STRIPE_KEY', scope: 'namespace', namespace: 'billing' });
    h.server.seed({ name: 'OTHER', scope: 'namespace', namespace: 'jobs' });
    await h.signIn();
    const connectionId = h.store.connections()[0]?.id ?? '';
    const context: FunctionContext = {
      unit: CHARGE,
      connections: [
        { connectionId, connectionName: 'Prod', namespaces: [{ namespace: 'billing', source: 'deployed' }] },
      ],
    };
    h.deps.functions = { activeContext: () => context, activeFunction: () => Promise.resolve(undefined) };
    h.script([pick(/A function in namespace "billing" sees 1 secret variable/, 'FLUXBASE_SECRET_STRIPE_KEY')]);
    await h.run('fluxbaseSecrets.showEffectiveVariables');
    h.input.assertDone();
    assert.deepEqual(h.clipboard.texts, ['Deno.env.get("FLUXBASE_SECRET_STRIPE_KEY")']);
  });
});
