/**
 * The body-size limit (413) and malformed input: nothing a client sends
 * crashes the server or leaves partial data behind.
 */
import * as assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { createKey, RawResponse, send, startTestServer, TestServer } from './serverHarness';

const TOO_LARGE = '{"error":"Request body too large"}';

/** Sends a chunked body (no Content-Length) in pieces of `chunkBytes`. */
function sendChunked(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  total: number,
  chunkBytes: number,
) {
  const url = new URL(baseUrl);
  return new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: 'POST', path, headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: undefined }));
      },
    );
    req.on('error', reject);
    let sent = 0;
    const pump = (): void => {
      while (sent < total) {
        const size = Math.min(chunkBytes, total - sent);
        sent += size;
        if (!req.write(Buffer.alloc(size, 0x61))) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe('server: request limits and malformed input', function () {
  this.timeout(30_000);
  let server: TestServer;
  let key: string;

  before(async () => {
    server = await startTestServer();
    key = createKey(server.dataDir, '*');
  });
  after(() => server.close());

  const secretCount = async (): Promise<number> =>
    ((await send(server.url, 'GET', '/api/v1/secrets', { headers: { 'X-Service-Key': key } })).json as unknown[])
      .length;

  it('a body over 1 MiB is 413 Request body too large and stores nothing', async () => {
    const before = await secretCount();
    const value = 'x'.repeat(1024 * 1024);
    const response = await send(server.url, 'POST', '/api/v1/secrets', {
      headers: { 'X-Service-Key': key },
      json: { name: 'HUGE', value },
    });
    assert.equal(response.status, 413);
    assert.equal(response.text, TOO_LARGE);
    assert.equal(await secretCount(), before);
  });

  it('a body just under the limit is accepted', async () => {
    const response = await send(server.url, 'POST', '/api/v1/secrets', {
      headers: { 'X-Service-Key': key },
      json: { name: 'BIG_BUT_FINE', value: 'x'.repeat(1024 * 1024 - 100) },
    });
    assert.equal(response.status, 201);
  });

  it('the declared size is checked before authentication, as fasthttp does', async () => {
    const response = await send(server.url, 'PUT', '/api/v1/secrets/whatever', { body: Buffer.alloc(1024 * 1024 + 1) });
    assert.equal(response.status, 413);
    assert.equal(response.text, TOO_LARGE);
  });

  it('a chunked body is cut off at the limit, and the server keeps serving', async () => {
    const response = await sendChunked(
      server.url,
      '/api/v1/secrets',
      { 'X-Service-Key': key, 'Content-Type': 'application/json' },
      3 * 1024 * 1024,
      64 * 1024,
    );
    assert.equal(response.status, 413);
    assert.equal(response.text, TOO_LARGE);
    assert.equal(
      (await send(server.url, 'GET', '/api/v1/secrets/stats', { headers: { 'X-Service-Key': key } })).status,
      200,
    );
  });

  it('the limit also guards the dashboard routes and can be configured', async () => {
    const small = await startTestServer({ bodyLimitBytes: 64 });
    try {
      const response = await send(small.url, 'POST', '/dashboard/auth/login', {
        json: { email: 'someone@example.test', password: 'p'.repeat(100) },
      });
      assert.equal(response.text, TOO_LARGE);
    } finally {
      await small.close();
    }
  });

  it('malformed bodies are 400 and change nothing', async () => {
    const before = await secretCount();
    const bodies: (string | Buffer)[] = [
      '',
      ' ',
      '{',
      '{"name":"A","value":"v"',
      '{"name":"A","value":"v"}x',
      '{"name":"A","value":"v"}{}',
      '[{"name":"A","value":"v"}]',
      '"string"',
      '42',
      'true',
      '{"name":"A","value":"v",}',
      "{'name':'A','value':'v'}",
      '{"name":"A\\x","value":"v"}',
      '{"name":"A\u0001","value":"v"}',
      '{"name":"A","value":"v","expires_at":"2030-02-30T00:00:00Z"}',
      '{"name":"A","value":"v","expires_at":"2030-01-01T24:00:00Z"}',
      '{"name":"A","value":"v","expires_at":"0000-01-01T00:30:00+01:00"}',
      '{"name":"A","value":"v","expires_at":"2030-01-01T00:00:00\\u005a"}',
      '{"name":"A","value":"v","x":' + '['.repeat(10001) + ']'.repeat(10001) + '}',
      '{"name":"A","value":1e999999}',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"A","value":"v"}')]),
    ];
    for (const body of bodies) {
      const response = await send(server.url, 'POST', '/api/v1/secrets', {
        headers: { 'X-Service-Key': key, 'Content-Type': 'application/json' },
        body,
      });
      assert.equal(response.status, 400, `${String(body).slice(0, 60)} → ${response.text}`);
      assert.equal(response.text, '{"error":"Invalid request body"}');
    }
    assert.equal(await secretCount(), before);
  });

  it('odd but valid input is stored as Go would decode it', async () => {
    const response = await send(server.url, 'POST', '/api/v1/secrets', {
      headers: { 'X-Service-Key': key, 'Content-Type': 'application/json' },
      body: Buffer.concat([
        Buffer.from('{"name":"ODD_\\ud800_'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('_\\ud83d\\ude00","value":"v","x":' + '['.repeat(500) + ']'.repeat(500) + '}'),
      ]),
    });
    assert.equal(response.status, 201, response.text);
    assert.equal((response.json as { name: string }).name, 'ODD_\ufffd_\ufffd\ufffd_😀');
  });

  it('the log has one line per request with the route pattern, never a name, value or key', async () => {
    await send(server.url, 'POST', '/api/v1/secrets', {
      headers: { 'X-Service-Key': key },
      json: { name: 'LOGGED_NAME', value: 'LOGGED_VALUE' },
    });
    await send(server.url, 'GET', '/api/v1/secrets/by-name/LOGGED_NAME', { headers: { 'X-Service-Key': key } });
    const text = server.logs.join('\n');
    assert.ok(!text.includes('LOGGED_NAME'));
    assert.ok(!text.includes('LOGGED_VALUE'));
    assert.ok(!text.includes(key));
    assert.match(text, /^POST \/api\/v1\/secrets 201 \d+\.\dms$/m);
    assert.match(text, /^GET \/api\/v1\/secrets\/by-name\/:name 200 \d+\.\dms$/m);
  });
});
