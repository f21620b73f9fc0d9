import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { isAlive, killProcessTree } from '../../support/processTree';

describe('killProcessTree', () => {
  it('stops a detached process and a descendant that left its process group', async function () {
    this.timeout(20_000);
    // A parent that starts a grandchild in a process group of its own, then prints the grandchild's pid and idles.
    const script = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
      console.log(child.pid);
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ['-e', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    const [data] = (await once(parent.stdout, 'data')) as [Buffer];
    const grandchild = Number(data.toString().trim());
    assert.ok(parent.pid && isAlive(parent.pid) && isAlive(grandchild));

    try {
      const exited = once(parent, 'exit');
      await killProcessTree(parent.pid);
      await exited;

      assert.equal(isAlive(grandchild), false, 'the grandchild is still running');
    } finally {
      [parent.pid, grandchild].forEach((pid) => pid && isAlive(pid) && process.kill(pid, 'SIGKILL'));
    }
  });

  it('resolves without throwing when the process is already gone', async () => {
    await killProcessTree(2 ** 22 + 12345);
    await killProcessTree(undefined);
  });
});
