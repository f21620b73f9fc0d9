/**
 * Limits of the 2FA step (issue 12, items 7 and 8): wrong codes are counted
 * apart from wrong passwords and only a completed sign-in clears them, so
 * "password, 4 wrong codes" cannot repeat for ever; and a TOTP code (its time
 * step, or one before it) is accepted once (RFC 6238 §5.2).
 */
import * as assert from 'node:assert/strict';
import { decodeBase32, totpCode } from '../../../server/auth/totp';
import { ADMIN, answerOf, RawResponse, send, startTestServer, TestServer } from './serverHarness';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const LOCKED = JSON.stringify({ code: 403, error: 'Account is locked due to too many failed login attempts' });
const BAD_CODE = JSON.stringify({ code: 401, error: 'Invalid 2FA code' });

describe('server: 2FA failure limit and code reuse', function () {
  this.timeout(60_000);
  let server: TestServer;
  const secret = decodeBase32(TOTP_SECRET) as Buffer;
  const code = (offsetSteps = 0): string => totpCode(secret, Math.floor(server.clock.micros / 1e6) + offsetSteps * 30);
  /** A six-digit code that is none of the three codes accepted now. */
  const wrongCode = (): string => {
    const valid = [code(-1), code(), code(1)];
    return ['000000', '111111', '222222', '333333'].find((candidate) => !valid.includes(candidate)) as string;
  };

  beforeEach(async () => {
    server = await startTestServer({ admin: { ...ADMIN, totpSecret: TOTP_SECRET } });
  });
  afterEach(() => server.close());

  async function passwordStep(): Promise<RawResponse> {
    return send(server.url, 'POST', '/dashboard/auth/login', { json: ADMIN });
  }

  function verify(userId: string, value: string): Promise<RawResponse> {
    return send(server.url, 'POST', '/dashboard/auth/2fa/verify', { json: { user_id: userId, code: value } });
  }

  async function userId(): Promise<string> {
    const response = await passwordStep();
    assert.equal(response.status, 200, response.text);
    return (response.json as { user_id: string }).user_id;
  }

  it('"password, 4 wrong codes" repeated: the 5th wrong code locks, even the right code is refused', async () => {
    const id = await userId();
    for (let i = 0; i < 4; i++) assert.equal(answerOf(await verify(id, wrongCode())), BAD_CODE);
    assert.equal(await userId(), id, 'the password step still works after 4 wrong codes');
    assert.equal(answerOf(await verify(id, wrongCode())), BAD_CODE);
    assert.equal(answerOf(await verify(id, code())), LOCKED);
    assert.equal(answerOf(await passwordStep()), LOCKED);

    server.clock.advanceSeconds(15 * 60 + 1);
    const after = await userId();
    assert.equal((await verify(after, code())).status, 200, 'the lock ends after 15 minutes');
  });

  it('only a completed sign-in clears the wrong codes', async () => {
    const id = await userId();
    for (let i = 0; i < 4; i++) assert.equal(answerOf(await verify(id, wrongCode())), BAD_CODE);
    assert.equal((await verify(await userId(), code())).status, 200);
    server.clock.advanceSeconds(30);
    for (let i = 0; i < 4; i++) assert.equal(answerOf(await verify(await userId(), wrongCode())), BAD_CODE);
    assert.equal((await verify(await userId(), code())).status, 200, 'the count started again from 0');
  });

  it('a code that signed in is refused for a second login, and so is the code before it', async () => {
    assert.equal((await verify(await userId(), code())).status, 200);
    assert.equal(answerOf(await verify(await userId(), code())), BAD_CODE);
    assert.equal(answerOf(await verify(await userId(), code(-1))), BAD_CODE);
    assert.equal((await verify(await userId(), code(1))).status, 200, 'the next step still works');
    assert.equal(answerOf(await verify(await userId(), code(1))), BAD_CODE);
  });

  it('the last accepted step survives a restart', async () => {
    assert.equal((await verify(await userId(), code())).status, 200);
    await server.server.close();
    const clock = server.clock;
    server = await startTestServer({ admin: { ...ADMIN, totpSecret: TOTP_SECRET }, dataDir: server.dataDir });
    server.clock.micros = clock.micros;
    assert.equal(answerOf(await verify(await userId(), code())), BAD_CODE);
  });
});
