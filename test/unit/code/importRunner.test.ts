import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import type { CreateSecretRequest, Secret, UpdateSecretRequest } from '../../../src/core/api/secretTypes';
import { parseEnvFile } from '../../../src/core/code/envFile';
import { planEnvImport, type ImportItem } from '../../../src/core/code/importPlan';
import { runImport, summarizeImport, type SecretWriter } from '../../../src/core/code/importRunner';
import { summary } from './catalogFixtures';

type WriteCall = ['create', CreateSecretRequest] | ['update', string, UpdateSecretRequest];

/** Records each write; `fail` decides which names fail and how. */
class FakeWriter implements SecretWriter {
  readonly calls: WriteCall[] = [];
  constructor(private readonly fail: (name: string) => unknown = () => undefined) {}

  async create(request: CreateSecretRequest): Promise<Secret> {
    this.calls.push(['create', request]);
    return this.answer(request.name);
  }

  async updateById(id: string, request: UpdateSecretRequest): Promise<Secret> {
    this.calls.push(['update', id, request]);
    return this.answer(id);
  }

  private answer(name: string): Secret {
    const failure = this.fail(name);
    if (failure) {
      throw failure;
    }
    return summary({ name });
  }
}

describe('runImport', () => {
  const existing = summary({ name: 'OLD', scope: 'namespace', namespace: 'ns' });
  const target = { scope: 'namespace', namespace: 'ns' } as const;
  const plan = planEnvImport(parseEnvFile('NEW=n1\nOLD=o2\nbad line\nSKIPPED=s3'), [existing], target);

  it('creates into the target scope and namespace, updates by id, and skips invalid and unselected items', async () => {
    const writer = new FakeWriter();
    const report = await runImport(
      plan,
      (item) => !(item.kind === 'create' && item.name === 'SKIPPED'),
      writer,
      target,
    );
    assert.deepEqual(writer.calls, [
      ['create', { name: 'NEW', value: 'n1', scope: 'namespace', namespace: 'ns' }],
      ['update', existing.id, { value: 'o2' }],
    ]);
    assert.deepEqual(report, {
      created: ['NEW'],
      updated: ['OLD'],
      skipped: ['line 3', 'SKIPPED'],
      failed: [],
      cancelled: false,
    });
    assert.equal(summarizeImport(report), '1 created, 1 updated, 2 skipped, 0 failed');
  });

  it('sends no namespace for a global import', async () => {
    const writer = new FakeWriter();
    await runImport(planEnvImport(parseEnvFile('G=1'), [], { scope: 'global' }), () => true, writer, {
      scope: 'global',
    });
    assert.deepEqual(writer.calls, [['create', { name: 'G', value: '1', scope: 'global' }]]);
  });

  it('reports failures with the API error message and never the value, and goes on', async () => {
    const writer = new FakeWriter((name) =>
      name === 'NEW'
        ? new FluxbaseApiError('conflict', 'A secret with this name already exists in the specified scope (409)')
        : name === existing.id
          ? new Error('value o2 leaked')
          : undefined,
    );
    const report = await runImport(plan, () => true, writer, target);
    assert.deepEqual(report.created, ['SKIPPED']);
    assert.deepEqual(report.failed, [
      { name: 'NEW', error: 'A secret with this name already exists in the specified scope (409)' },
      { name: 'OLD', error: 'unexpected Error' },
    ]);
    assert.doesNotMatch(JSON.stringify(report), /n1|o2|s3/);
  });

  it('reports progress after each write', async () => {
    const progress: string[] = [];
    await runImport(plan, () => true, new FakeWriter(), target, {
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    assert.deepEqual(progress, ['1/3', '2/3', '3/3']);
  });

  it('skips the writes that had not started when cancelled', async () => {
    const signal = { isCancellationRequested: false };
    const writer = new FakeWriter((name) => {
      signal.isCancellationRequested = true; // cancel during the first write
      return name === '' ? new Error() : undefined;
    });
    const items: ImportItem[] = planEnvImport(parseEnvFile('A=1\nB=2\nC=3'), [], { scope: 'global' });
    const report = await runImport(items, () => true, writer, { scope: 'global' }, { concurrency: 1, signal });
    assert.deepEqual(report.created, ['A']);
    assert.deepEqual(report.skipped, ['B', 'C']);
    assert.equal(report.cancelled, true);
    assert.match(summarizeImport(report), /\(cancelled\)$/);
  });
});
