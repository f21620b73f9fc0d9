import * as assert from 'node:assert/strict';
import { authorView, shortUserId, UNKNOWN_AUTHOR } from '../../../src/core/connections/authorView';

const me = { id: '3015ec95-0fc4-4a77-a2dd-5f459d274c2e', email: 'me@example.com' };
const colleague = '9b2e11aa-4c5d-4e6f-8a9b-0c1d2e3f4a5b';

describe('authorView', () => {
  it('shows "You" for the signed-in user, with the email and the full id in the description', () => {
    assert.deepEqual(authorView(me.id, me), {
      kind: 'you',
      label: 'You',
      description: `You (me@example.com), user id ${me.id}`,
      id: me.id,
    });
  });

  it('recognises the signed-in user whatever the case of the UUID', () => {
    assert.equal(authorView(me.id.toUpperCase(), me).kind, 'you');
  });

  it("shows another user's first 8 hex digits, with the full id kept for the tooltip and the copy button", () => {
    assert.deepEqual(authorView(colleague, me), {
      kind: 'user',
      label: '9b2e11aa',
      description: `User id ${colleague}`,
      id: colleague,
    });
  });

  it('never says "You" without a signed-in user (a service key or pasted key)', () => {
    assert.equal(authorView(me.id, undefined).kind, 'user');
  });

  it('shows a dash that explains why, and no id, when the server recorded no author', () => {
    for (const createdBy of [undefined, '']) {
      const view = authorView(createdBy, me);
      assert.equal(view.kind, 'unknown');
      assert.equal(view.label, UNKNOWN_AUTHOR);
      assert.match(view.description, /service key/);
      assert.equal('id' in view, false);
    }
  });
});

describe('shortUserId', () => {
  it('keeps the first 8 hex digits of a UUID and any other id whole', () => {
    assert.equal(shortUserId(colleague), '9b2e11aa');
    assert.equal(shortUserId('user-1'), 'user-1');
  });
});
