import * as assert from 'node:assert/strict';
import { remotePathUri, workbenchUrl, type CodeServer } from '../../support/codeServer';

const server: CodeServer = {
  url: 'http://127.0.0.1:4321/',
  pid: undefined,
  output: () => '',
  exited: new Promise(() => undefined),
  stop: async () => undefined,
};

describe('code-server workbench URLs', () => {
  it('puts the folder and the test payload into the query, as the web workbench reads them', () => {
    const url = new URL(
      workbenchUrl(server, '/tmp/work space', [
        ['extensionDevelopmentPath', remotePathUri('/repo')],
        ['extensionTestsPath', remotePathUri('/repo/out/test/integration/index')],
      ]),
    );
    assert.equal(url.origin, 'http://127.0.0.1:4321');
    assert.equal(url.searchParams.get('folder'), '/tmp/work space');
    assert.deepEqual(JSON.parse(url.searchParams.get('payload') ?? 'null'), [
      ['extensionDevelopmentPath', 'vscode-remote://remote/repo'],
      ['extensionTestsPath', 'vscode-remote://remote/repo/out/test/integration/index'],
    ]);
  });

  it('leaves the payload out when there is none', () => {
    assert.equal(new URL(workbenchUrl(server, '/w')).searchParams.has('payload'), false);
  });
});
