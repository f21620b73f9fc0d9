import * as assert from 'node:assert/strict';
import { ReferenceIndex } from '../../../src/core/functions/referenceIndex';
import { ReferenceIndexQueue } from '../../../src/core/functions/referenceIndexQueue';

const read = (name: string) => `Deno.env.get("FLUXBASE_SECRET_${name}");\n`;

/** A queue over an in-memory folder that records, at each yield, how many files the slice before it scanned. */
function harness(files: Map<string, string>, options: { batchFiles?: number; batchChars?: number } = {}) {
  const index = new ReferenceIndex(['**/node_modules']);
  const reads: string[] = [];
  const slices: number[] = [];
  let scannedBefore = 0;
  let scanned = 0;
  const original = index.update.bind(index);
  index.update = (path, text) => {
    scanned++;
    original(path, text);
  };
  const queue = new ReferenceIndexQueue(index, {
    ...options,
    read: (path) => {
      reads.push(path);
      return Promise.resolve(files.get(path));
    },
    yieldToEventLoop: () => {
      if (scanned > scannedBefore) {
        slices.push(scanned - scannedBefore);
      }
      scannedBefore = scanned;
      return new Promise((resolve) => setImmediate(resolve));
    },
  });
  return { index, queue, reads, slices };
}

function folderOf(count: number): Map<string, string> {
  return new Map(Array.from({ length: count }, (_, i) => [`f/${String(i).padStart(3, '0')}.ts`, read(`S${i % 7}`)]));
}

describe('Reference index queue: bounded work per change', () => {
  it('indexes 100 files in slices of at most batchFiles files, yielding to the event loop after each', async () => {
    const files = folderOf(100);
    const { index, queue, slices } = harness(files, { batchFiles: 10 });
    queue.update(files.keys());
    assert.ok(queue.busy);
    await queue.idle();
    assert.ok(!queue.busy);
    assert.deepEqual(slices, Array(10).fill(10), 'ten slices of ten files, a yield after each');
    assert.equal(index.fileCount, 100);
    assert.equal(index.filesReading('FLUXBASE_SECRET_S0').length, 15);
  });

  it('ends a slice early once it has scanned batchChars characters; the rest waits for the next slice', async () => {
    const big = 'x'.repeat(500) + read('BIG');
    const files = new Map([
      ['a.ts', big],
      ['b.ts', big],
      ['c.ts', big],
    ]);
    const { index, queue, slices } = harness(files, { batchFiles: 10, batchChars: 600 });
    queue.update(files.keys());
    await queue.idle();
    assert.deepEqual(slices, [2, 1], 'the slice that passed 600 characters stopped after its second file');
    assert.equal(index.filesReading('FLUXBASE_SECRET_BIG').length, 3);
  });

  it('a file changed twice before its batch is read once, with its latest text', async () => {
    const files = new Map([['a.ts', read('OLD')]]);
    const { index, queue, reads } = harness(files);
    queue.update(['a.ts']);
    files.set('a.ts', read('NEW'));
    queue.update(['a.ts']);
    await queue.idle();
    assert.ok(index.isReferenced('FLUXBASE_SECRET_NEW'));
    assert.ok(!index.isReferenced('FLUXBASE_SECRET_OLD'));
    assert.equal(reads.filter((p) => p === 'a.ts').length, 1);
  });

  it('delete forgets a file or folder; an unreadable file (gone, too large) is forgotten too', async () => {
    const files = folderOf(3);
    files.set('g/x.ts', read('X'));
    const { index, queue } = harness(files);
    queue.update(files.keys());
    await queue.idle();
    queue.remove('f');
    files.delete('g/x.ts');
    queue.update(['g/x.ts']);
    await queue.idle();
    assert.equal(index.fileCount, 0);
  });

  it('rename moves indexed files without reading them, and queued ones to their new path', async () => {
    const files = new Map([
      ['old/a.ts', read('A')],
      ['old/b.ts', read('B')],
    ]);
    const { index, queue, reads } = harness(files);
    queue.update(['old/a.ts']);
    await queue.idle();
    reads.length = 0;
    queue.update(['old/b.ts']);
    files.set('new/b.ts', read('B'));
    queue.rename('old', 'new');
    await queue.idle();
    assert.deepEqual(
      index.filesReading('FLUXBASE_SECRET_A').map((f) => f.path),
      ['new/a.ts'],
    );
    assert.deepEqual(
      reads,
      ['new/b.ts'],
      'the indexed file moved without a read; the queued one is read at its new path',
    );
    assert.deepEqual(
      index.filesReading('FLUXBASE_SECRET_B').map((f) => f.path),
      ['new/b.ts'],
    );
  });

  it('excluded paths are dropped by the index; a disposed queue reads nothing more', async () => {
    const files = new Map([
      ['node_modules/p/a.ts', read('X')],
      ['src/a.ts', read('Y')],
    ]);
    const { index, queue, reads } = harness(files);
    queue.update(files.keys());
    await queue.idle();
    assert.ok(!index.isReferenced('FLUXBASE_SECRET_X'));
    assert.ok(index.isReferenced('FLUXBASE_SECRET_Y'));
    reads.length = 0;
    queue.dispose();
    queue.update(['src/a.ts']);
    await queue.idle();
    assert.deepEqual(reads, []);
  });
});
