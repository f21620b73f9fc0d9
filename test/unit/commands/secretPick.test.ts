import * as assert from 'node:assert/strict';
import { parseCommandArgument } from '../../../src/core/commandArgument';
import { chooseSecretName as chooseFromParsed } from '../../../src/core/commands/secretPick';
import { SignInRequiredError, UserFacingError } from '../../../src/core/commands/commandErrors';
import { entry } from '../code/catalogFixtures';
import { FakeCatalog } from '../code/fakeCatalog';
import { answers, ScriptedUserInput, type ScriptedAnswer } from './support/scriptedUserInput';

/** The one scripted-input double, from short answers. */
const scripted = (list: ScriptedAnswer[]) => new ScriptedUserInput(answers(list));

/** chooseSecretName over what VS Code passes, read by the one argument parser. */
const chooseSecretName = (deps: Parameters<typeof chooseFromParsed>[0], arg: unknown) =>
  chooseFromParsed(deps, parseCommandArgument(arg));

describe('chooseSecretName', () => {
  const catalog = new FakeCatalog([
    entry({ name: 'zeta' }),
    entry({ name: 'ALPHA', scope: 'namespace', namespace: 'ns' }),
    entry({ name: 'ALPHA' }),
  ]);

  it('takes the secret of a tree node or a SecretRef without asking', async () => {
    const ref = { connectionId: 'local', id: 'x', name: 'from_node', scope: 'global' };
    const input = scripted([]);
    assert.equal(await chooseSecretName({ catalog, input }, { kind: 'secret', ref }), 'from_node');
    assert.equal(await chooseSecretName({ catalog, input }, ref), 'from_node');
  });

  it('offers one item per variable, sorted, and returns the picked secret name', async () => {
    const input = scripted([{ pick: 'FLUXBASE_SECRET_ZETA' }]);
    assert.equal(await chooseSecretName({ catalog, input }, undefined), 'zeta');
    assert.deepEqual(input.questions[0]?.labels, ['FLUXBASE_SECRET_ALPHA', 'FLUXBASE_SECRET_ZETA']);
  });

  it('asks to sign in, or to create a secret, when there is nothing to pick', async () => {
    await assert.rejects(
      chooseSecretName({ catalog: new FakeCatalog([], []), input: scripted([]) }, undefined),
      SignInRequiredError,
    );
    await assert.rejects(
      chooseSecretName({ catalog: new FakeCatalog([]), input: scripted([]) }, undefined),
      UserFacingError,
    );
  });
});
