import * as assert from 'node:assert/strict';
import { confirmRollback } from '../../../src/core/history/rollbackConfirmation';
import { CANCEL, choose, ScriptedUserInput } from '../commands/support/scriptedUserInput';

describe('confirmRollback (the one rollback confirmation of the page and the command)', () => {
  const request = { name: 'stripe_key', namespace: 'payments', version: 2, currentVersion: 5 };

  it('names the secret, its namespace, the version whose value returns and the version that saves it', async () => {
    const input = new ScriptedUserInput([
      choose(
        /^Roll back "stripe_key" in namespace "payments" to version 2\?$/,
        'Roll Back',
        /version 2, saved as the new version 6\. .*Version 5 stays in the history\./,
      ),
    ]);
    assert.equal(await confirmRollback(input, request), true);
    input.assertDone();
  });

  it('resolves false when dismissed', async () => {
    const input = new ScriptedUserInput([choose(/Roll back "g" to version 1\?/, CANCEL)]);
    assert.equal(await confirmRollback(input, { name: 'g', version: 1, currentVersion: 2 }), false);
  });
});
