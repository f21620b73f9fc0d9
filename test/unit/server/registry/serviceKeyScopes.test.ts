/**
 * Service-key scopes of the functions and jobs routes (contract part 3,
 * §0.1): `keys create --scopes` accepts read:functions, execute:functions,
 * read:jobs and write:jobs, and refuses unknown scopes with EU's text
 * without creating anything.
 */
import * as assert from 'node:assert/strict';
import { databaseSnapshot } from '../../reliability/support/dataSnapshot';
import { createKeyWith, runKeys } from '../keyCommandRunner';
import { removeDir, tempDir } from '../serverHarness';

describe('server: keys create --scopes for functions and jobs', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = tempDir();
  });
  afterEach(() => removeDir(dataDir));

  it('accepts the new scopes alongside the secrets ones and lists them', () => {
    createKeyWith(dataDir, ['--scopes', 'read:functions,execute:functions,read:jobs,write:jobs,read:secrets']);
    const list = runKeys(['list', '--data', dataDir]);
    assert.match(list.out, /\tread:functions,execute:functions,read:jobs,write:jobs,read:secrets\t/);
  });

  it('refuses unknown scopes (NF names, write:functions) with exit 2 and EU text, creating nothing', () => {
    createKeyWith(dataDir, ['--scopes', '*']);
    const before = databaseSnapshot(dataDir);
    const run = runKeys(['create', '--data', dataDir, '--scopes', 'read:functions,write:functions,functions:read']);
    assert.equal(run.code, 2);
    assert.match(run.err, /^Error: Invalid scopes: invalid scopes: write:functions, functions:read\n/);
    assert.equal(run.out, '');
    assert.equal(databaseSnapshot(dataDir), before);
  });
});
