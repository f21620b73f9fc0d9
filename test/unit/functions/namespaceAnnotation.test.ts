import * as assert from 'node:assert/strict';
import {
  annotationMessage,
  findNamespaceAnnotation,
  shellQuote,
  syncCommand,
} from '../../../src/core/functions/namespaceAnnotation';
import { CHARGE } from './functionFixtures';

const JOB = { kind: 'job' as const, name: 'nightly', form: 'flat' as const, root: 'fluxbase/jobs/nightly.ts' };

describe('@fluxbase:namespace: found as the CLI finds it, never taken as the namespace', () => {
  it('functions: a comment line (//, /*, or a leading *), the first one; offsets cover the annotation', () => {
    const text = 'import x from "y";\n// @fluxbase:namespace billing\n// @fluxbase:namespace other\n';
    const found = findNamespaceAnnotation(text, 'function');
    assert.equal(found?.namespace, 'billing');
    assert.equal(text.slice(found?.start, found?.end), '@fluxbase:namespace billing');
    assert.equal(findNamespaceAnnotation('/**\n * @fluxbase:namespace ops\n */', 'function')?.namespace, 'ops');
    assert.equal(findNamespaceAnnotation('/* @fluxbase:namespace prod*/', 'function')?.namespace, 'prod*/');
  });

  it('functions: not in code or strings (the CLI regex is anchored to comments)', () => {
    assert.equal(findNamespaceAnnotation('const s = "@fluxbase:namespace billing";', 'function'), undefined);
  });

  it('jobs: the CLI job regex is not anchored, so a string counts too', () => {
    assert.equal(findNamespaceAnnotation('const s = "@fluxbase:namespace billing";', 'job')?.namespace, 'billing";');
  });

  it('the message says the CLI sends it, servers drop it, only MCP tools honour it, and what decides', () => {
    const annotation = { namespace: 'billing', start: 0, end: 1 };
    const message = annotationMessage(annotation, CHARGE);
    assert.match(message, /the Fluxbase CLI sends it, but every Fluxbase server drops it/);
    assert.match(message, /only MCP tools honour it/);
    assert.match(message, /fluxbase functions sync --namespace billing, or default without --namespace/);
    assert.match(annotationMessage(annotation, JOB), /fluxbase jobs sync --namespace billing/);
  });

  it('the sync command quotes a namespace a shell would interpret', () => {
    assert.equal(syncCommand(CHARGE, 'billing'), 'fluxbase functions sync --namespace billing');
    assert.equal(syncCommand(JOB, 'ops'), 'fluxbase jobs sync --namespace ops');
    assert.equal(syncCommand(CHARGE, 'a;rm -rf ~'), "fluxbase functions sync --namespace 'a;rm -rf ~'");
    assert.equal(shellQuote("it's"), "'it'\\''s'");
    assert.equal(shellQuote('$(id)'), "'$(id)'");
  });
});
