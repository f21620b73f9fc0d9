import * as assert from 'node:assert/strict';
import { parseCommandArgument } from '../../../src/core/commandArgument';
import { chooseTarget, targetPresetIn } from '../../../src/core/commands/targetChoice';

/** The import and export target, read from what VS Code passes by the one argument parser. */
const targetPresetOf = (arg: unknown) => targetPresetIn(parseCommandArgument(arg));
import { SignInRequiredError } from '../../../src/core/commands/commandErrors';
import { isUserCancelled } from '../../../src/core/userInput';
import { entry } from '../code/catalogFixtures';
import { FakeCatalog } from '../code/fakeCatalog';
import { catalogDeps } from './support/catalogDeps';
import { answers, ScriptedUserInput, type ScriptedAnswer } from './support/scriptedUserInput';

/** The one scripted-input double, from short answers. */
const scripted = (list: ScriptedAnswer[]) => new ScriptedUserInput(answers(list));

describe('targetPresetOf', () => {
  const ref = { connectionId: 'c', id: 'i', name: 'N', scope: 'namespace', namespace: 'ns' };

  it('reads explorer nodes: global scope, namespace, secret (by its ref) and connection', () => {
    assert.deepEqual(targetPresetOf({ kind: 'scope', scope: 'global', connectionId: 'c' }), {
      connectionId: 'c',
      target: { scope: 'global' },
    });
    assert.deepEqual(targetPresetOf({ kind: 'namespace', namespace: 'ns', connectionId: 'c' }), {
      connectionId: 'c',
      target: { scope: 'namespace', namespace: 'ns' },
    });
    assert.deepEqual(targetPresetOf({ kind: 'secret', ref, connectionId: 'c' }), {
      connectionId: 'c',
      target: { scope: 'namespace', namespace: 'ns' },
    });
    assert.deepEqual(targetPresetOf({ kind: 'connection', connectionId: 'c' }), { connectionId: 'c' });
  });

  it('reads a SecretRef, and presets nothing for anything else', () => {
    assert.deepEqual(targetPresetOf({ ...ref, scope: 'global', namespace: undefined }), {
      connectionId: 'c',
      target: { scope: 'global' },
    });
    assert.deepEqual(targetPresetOf(undefined), {});
    assert.deepEqual(targetPresetOf('text'), {});
    assert.deepEqual(targetPresetOf({ kind: 'scope', scope: 'namespaces', connectionId: 'c' }), { connectionId: 'c' });
  });
});

describe('chooseTarget', () => {
  const catalog = new FakeCatalog(
    [
      entry({ name: 'A', scope: 'namespace', namespace: 'zeta' }),
      entry({ name: 'B', scope: 'namespace', namespace: 'alpha' }),
      entry({ name: 'C', scope: 'namespace', namespace: 'other' }, { id: 'prod', name: 'Prod' }),
    ],
    [
      { id: 'local', name: 'Local' },
      { id: 'prod', name: 'Prod' },
    ],
  );

  it('asks the connection, the scope and a namespace among that connection’s namespaces', async () => {
    const input = scripted([{ pick: 'Local' }, { pick: 'Namespace…' }, { pick: 'zeta' }]);
    const chosen = await chooseTarget({ catalog, input, ...catalogDeps(catalog) }, {}, 'T');
    assert.deepEqual(chosen, {
      connection: { id: 'local', name: 'Local' },
      target: { scope: 'namespace', namespace: 'zeta' },
    });
    assert.deepEqual(input.questions[2]?.labels, ['alpha', 'zeta', '$(add) Another namespace…']);
  });

  it('takes a new namespace typed in', async () => {
    const input = scripted([
      { pick: 'Prod' },
      { pick: 'Namespace…' },
      { pick: '$(add) Another namespace…' },
      { text: 'fresh' },
    ]);
    const chosen = await chooseTarget({ catalog, input, ...catalogDeps(catalog) }, {}, 'T');
    assert.deepEqual(chosen.target, { scope: 'namespace', namespace: 'fresh' });
  });

  it('asks nothing the preset answers, and skips the connection question with one connection', async () => {
    const preset = await chooseTarget(
      { catalog, input: scripted([]), ...catalogDeps(catalog) },
      { connectionId: 'prod', target: { scope: 'global' } },
      'T',
    );
    assert.deepEqual(preset, { connection: { id: 'prod', name: 'Prod' }, target: { scope: 'global' } });
    const single = new FakeCatalog([], [{ id: 'only', name: 'Only' }]);
    const input = scripted([{ pick: 'Global' }]);
    assert.deepEqual(
      (await chooseTarget({ catalog: single, input, ...catalogDeps(single) }, {}, 'T')).connection.id,
      'only',
    );
    assert.equal(input.questions.length, 1);
  });

  it('asks to sign in when no connection is signed in, or the preset one is not', async () => {
    const none = new FakeCatalog([], []);
    await assert.rejects(
      chooseTarget({ catalog: none, input: scripted([]), ...catalogDeps(none) }, {}, 'T'),
      SignInRequiredError,
    );
    await assert.rejects(
      chooseTarget({ catalog, input: scripted([]), ...catalogDeps(catalog) }, { connectionId: 'gone' }, 'T'),
      SignInRequiredError,
    );
  });

  it('passes cancellation on', async () => {
    await assert.rejects(
      chooseTarget({ catalog, input: scripted(['cancel']), ...catalogDeps(catalog) }, {}, 'T'),
      (error) => isUserCancelled(error),
    );
  });
});
