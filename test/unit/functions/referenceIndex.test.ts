import * as assert from 'node:assert/strict';
import { ReferenceIndex } from '../../../src/core/functions/referenceIndex';

const read = (name: string) => `const v = Deno.env.get("FLUXBASE_SECRET_${name}");\n`;

describe('Reference index: which workspace files read each secret', () => {
  it('adds files and counts each reference; a file without references is not kept', () => {
    const index = new ReferenceIndex();
    index.update('fluxbase/functions/a.ts', read('STRIPE') + read('STRIPE') + read('SLACK'));
    index.update('fluxbase/functions/b.ts', read('STRIPE'));
    index.update('README.ts', 'const x = 1;');
    assert.deepEqual(index.filesReading('FLUXBASE_SECRET_STRIPE'), [
      { path: 'fluxbase/functions/a.ts', count: 2 },
      { path: 'fluxbase/functions/b.ts', count: 1 },
    ]);
    assert.equal(index.fileCount, 2);
    assert.ok(!index.isReferenced('FLUXBASE_SECRET_NOPE'));
  });

  it('a change rescans the file: references gone are forgotten, new ones added', () => {
    const index = new ReferenceIndex();
    index.update('a.ts', read('OLD'));
    index.update('a.ts', read('NEW'));
    assert.ok(!index.isReferenced('FLUXBASE_SECRET_OLD'));
    assert.deepEqual(index.filesReading('FLUXBASE_SECRET_NEW'), [{ path: 'a.ts', count: 1 }]);
  });

  it('a delete forgets the file, or every file of a deleted folder', () => {
    const index = new ReferenceIndex();
    index.update('f/a.ts', read('X'));
    index.update('f/sub/b.ts', read('X'));
    index.update('fa.ts', read('X'));
    index.remove('f');
    assert.deepEqual(
      index.filesReading('FLUXBASE_SECRET_X').map((f) => f.path),
      ['fa.ts'],
    );
    index.remove('fa.ts');
    assert.ok(!index.isReferenced('FLUXBASE_SECRET_X'));
  });

  it('a rename moves files and folders without rescanning', () => {
    const index = new ReferenceIndex();
    index.update('old/a.ts', read('X'));
    index.update('old.ts', read('Y'));
    index.rename('old', 'new');
    assert.deepEqual(
      index.filesReading('FLUXBASE_SECRET_X').map((f) => f.path),
      ['new/a.ts'],
    );
    assert.deepEqual(
      index.filesReading('FLUXBASE_SECRET_Y').map((f) => f.path),
      ['old.ts'],
      'a sibling with the same prefix stays',
    );
  });

  it('excluded paths (files.exclude, search.exclude globs) are never indexed, also after a rename into them', () => {
    const index = new ReferenceIndex(['**/node_modules', 'dist/**', '**/*.min.js']);
    index.update('node_modules/pkg/a.ts', read('X'));
    index.update('web/node_modules/b.ts', read('X'));
    index.update('dist/c.js', read('X'));
    index.update('app.min.js', read('X'));
    assert.ok(!index.isReferenced('FLUXBASE_SECRET_X'));
    index.update('src/a.ts', read('X'));
    index.rename('src/a.ts', 'dist/a.ts');
    assert.ok(!index.isReferenced('FLUXBASE_SECRET_X'));
  });
});
