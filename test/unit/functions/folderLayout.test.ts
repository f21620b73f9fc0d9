import * as assert from 'node:assert/strict';
import { classifyFile, type FolderLayout } from '../../../src/core/functions/codeUnit';
import {
  cliUnitName,
  isValidFunctionName,
  normalizeFolderPath,
  scanFolderLayout,
} from '../../../src/core/functions/folderLayout';
import { fakeFolder } from './fakeFolder';

async function layoutOf(files: string[], folderName = 'app', overrides = {}): Promise<FolderLayout> {
  return scanFolderLayout(fakeFolder(files), folderName, overrides);
}

describe('Function layout: which function or job a file is (detectResourceDir, CLI and loader forms)', () => {
  it('prefers fluxbase/functions/ over functions/, as detectResourceDir does', async () => {
    const layout = await layoutOf(['fluxbase/functions/a.ts', 'functions/b.ts']);
    assert.equal(layout.functions?.dir, 'fluxbase/functions');
    assert.equal(layout.functions?.origin, 'detected');
    assert.deepEqual(classifyFile(layout, 'fluxbase/functions/a.ts'), {
      kind: 'function',
      name: 'a',
      form: 'flat',
      root: 'fluxbase/functions/a.ts',
    });
    assert.deepEqual(classifyFile(layout, 'functions/b.ts'), { kind: 'none' });
  });

  it('falls back to functions/ and jobs/ when there is no fluxbase/ directory', async () => {
    const layout = await layoutOf(['functions/send.js', 'jobs/cleanup.ts']);
    assert.equal(layout.functions?.dir, 'functions');
    assert.equal(layout.jobs?.dir, 'jobs');
    assert.deepEqual(classifyFile(layout, 'functions/send.js'), {
      kind: 'function',
      name: 'send',
      form: 'flat',
      root: 'functions/send.js',
    });
    assert.equal(classifyFile(layout, 'jobs/cleanup.ts').kind, 'job');
  });

  it('a folder named functions is itself the functions directory (the CLI run from inside it)', async () => {
    const layout = await layoutOf(['hello.ts', 'fluxbase/functions/other.ts'], 'functions');
    assert.equal(layout.functions?.dir, '');
    assert.equal(classifyFile(layout, 'hello.ts').kind, 'function');
  });

  it('a directory set in the setting replaces the detection; a missing one finds nothing (the CLI errors)', async () => {
    const set = await layoutOf(['src/edge/pay.ts', 'fluxbase/functions/a.ts'], 'app', {
      functionsDirectory: './src/edge/',
    });
    assert.equal(set.functions?.dir, 'src/edge');
    assert.equal(set.functions?.origin, 'setting');
    assert.equal(classifyFile(set, 'src/edge/pay.ts').kind, 'function');
    assert.equal(classifyFile(set, 'fluxbase/functions/a.ts').kind, 'none');
    const missing = await layoutOf(['fluxbase/functions/a.ts'], 'app', { functionsDirectory: 'nowhere' });
    assert.equal(missing.functions, undefined);
    const outside = await layoutOf(['fluxbase/functions/a.ts'], 'app', { functionsDirectory: '../x' });
    assert.equal(outside.functions, undefined);
  });

  it('names flat files as the CLI trims them: .ts then .js (foo.test.ts is foo.test)', () => {
    assert.equal(cliUnitName('charge-customer.ts'), 'charge-customer');
    assert.equal(cliUnitName('foo.test.ts'), 'foo.test');
    assert.equal(cliUnitName('types.d.ts'), 'types.d');
    assert.equal(cliUnitName('a.js.ts'), 'a');
    assert.equal(cliUnitName('send.js'), 'send');
  });

  it('<name>/index.ts directories are functions, with their supporting files; flat files win a name clash', async () => {
    const layout = await layoutOf([
      'fluxbase/functions/refund/index.ts',
      'fluxbase/functions/refund/lib/math.ts',
      'fluxbase/functions/notes/readme.ts',
      'fluxbase/functions/dup.ts',
      'fluxbase/functions/dup/index.ts',
      'fluxbase/functions/bad.name/index.ts',
    ]);
    assert.deepEqual(classifyFile(layout, 'fluxbase/functions/refund/index.ts'), {
      kind: 'function',
      name: 'refund',
      form: 'index',
      root: 'fluxbase/functions/refund',
    });
    assert.equal(classifyFile(layout, 'fluxbase/functions/refund/lib/math.ts').kind, 'function');
    assert.equal(classifyFile(layout, 'fluxbase/functions/notes/readme.ts').kind, 'none', 'no index.ts');
    assert.equal(classifyFile(layout, 'fluxbase/functions/dup/index.ts').kind, 'none', 'the flat dup.ts wins');
    assert.equal(classifyFile(layout, 'fluxbase/functions/dup.ts').kind, 'function');
    assert.equal(classifyFile(layout, 'fluxbase/functions/bad.name/index.ts').kind, 'none', 'loader name rule');
  });

  it('_shared/ modules (any depth) belong to the functions or jobs of their directory', async () => {
    const layout = await layoutOf([
      'fluxbase/functions/_shared/db.ts',
      'fluxbase/functions/_shared/util/log.ts',
      'fluxbase/functions/a.ts',
      'fluxbase/functions/b.ts',
      'fluxbase/jobs/_shared/q.ts',
      'fluxbase/jobs/nightly.ts',
    ]);
    const shared = classifyFile(layout, 'fluxbase/functions/_shared/util/log.ts');
    assert.equal(shared.kind, 'shared');
    assert.deepEqual(
      shared.kind === 'shared' ? shared.importers.map((u) => u.name) : [],
      ['a', 'b'],
      'the _shared directory itself is not a function',
    );
    const jobShared = classifyFile(layout, 'fluxbase/jobs/_shared/q.ts');
    assert.deepEqual(jobShared.kind === 'shared' ? [jobShared.resource, jobShared.importers[0]?.kind] : [], [
      'jobs',
      'job',
    ]);
  });

  it('files that are not functions: other extensions, files outside the directories, nested non-index files', async () => {
    const layout = await layoutOf([
      'fluxbase/functions/a.ts',
      'fluxbase/functions/deno.json',
      'fluxbase/functions/a.mts',
      'src/app.ts',
      'fluxbase/functions-old/x.ts',
    ]);
    for (const path of [
      'fluxbase/functions/deno.json',
      'fluxbase/functions/a.mts',
      'src/app.ts',
      'fluxbase/functions-old/x.ts',
    ]) {
      assert.equal(classifyFile(layout, path).kind, 'none', path);
    }
    assert.deepEqual(await layoutOf(['src/app.ts']), {});
  });

  it('the server loader name rule: letters, digits, _ and -, at most 64, not reserved', () => {
    assert.ok(isValidFunctionName('charge-customer_2'));
    for (const name of ['index', 'main', 'handler', '_', '-', 'a.b', 'x'.repeat(65), '']) {
      assert.ok(!isValidFunctionName(name), name);
    }
  });

  it('folder paths are normalised and may not leave the folder', () => {
    assert.equal(normalizeFolderPath('./a//b/'), 'a/b');
    assert.equal(normalizeFolderPath('a\\b'), 'a/b');
    assert.equal(normalizeFolderPath('.'), '');
    assert.equal(normalizeFolderPath('/etc'), undefined);
    assert.equal(normalizeFolderPath('C:/x'), undefined);
    assert.equal(normalizeFolderPath('a/../b'), undefined);
  });
});
