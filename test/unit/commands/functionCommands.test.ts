import * as assert from 'node:assert/strict';
import type { FunctionContext } from '../../../src/core/functions/functionNamespaces';
import type { CreateSecretPrefill } from '../../../src/core/commandArgument';
import { extractToSecretCommand } from '../../../src/core/commands/extractToSecret';
import { silentLogger } from '../../../src/shared/logger';
import { CHARGE } from '../functions/functionFixtures';
import { FakeDocument, FakeEditor } from './support/fakeEditor';
import { commandHarness } from './support/commandHarness';
import { pick } from './support/scriptedUserInput';

describe('Commands in a function file', () => {
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
    h.deps.functions = {
      activeContext: () => context,
      contextOf: () => undefined,
      activeFunction: () => Promise.resolve(undefined),
    };
    h.script([pick(/A function in namespace "billing" sees 1 secret variable/, 'FLUXBASE_SECRET_STRIPE_KEY')]);
    await h.run('fluxbaseSecrets.showEffectiveVariables');
    h.input.assertDone();
    assert.deepEqual(h.clipboard.texts, ['Deno.env.get("FLUXBASE_SECRET_STRIPE_KEY")']);
  });

  it('Move to Fluxbase Secret in the billing function creates in billing without asking the scope', async () => {
    const code = 'const key = "sk_live_abc";\n';
    const document = new FakeDocument(code, { start: 14, end: 14 });
    const context: FunctionContext = {
      unit: CHARGE,
      connections: [
        { connectionId: 'local', connectionName: 'Local', namespaces: [{ namespace: 'billing', source: 'deployed' }] },
      ],
    };
    const prefills: CreateSecretPrefill[] = [];
    const functions = {
      activeContext: () => context,
      contextOf: () => undefined,
      activeFunction: () => Promise.resolve(undefined),
    };
    await extractToSecretCommand({ editor: new FakeEditor(document), logger: silentLogger, functions }, (p) => {
      prefills.push(p);
      return Promise.resolve(undefined);
    })({ kind: 'none' });
    assert.deepEqual(prefills, [
      {
        value: 'sk_live_abc',
        name: 'KEY',
        nameSuggested: true,
        connectionId: 'local',
        scope: 'namespace',
        namespace: 'billing',
        origin: 'code',
      },
    ]);
  });
});
