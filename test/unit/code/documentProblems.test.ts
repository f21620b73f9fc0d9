import * as assert from 'node:assert/strict';
import { findDocumentProblems } from '../../../src/core/code/documentProblems';
import { indexByVariable } from '../../../src/core/code/variableResolution';
import { NOW, daysFromNow, entry } from './catalogFixtures';

describe('findDocumentProblems', () => {
  const index = indexByVariable([
    entry({ name: 'OK' }),
    entry({ name: 'OLD', is_expired: true, expires_at: daysFromNow(-1) }),
    entry({ name: 'SOON', expires_at: daysFromNow(2) }),
  ]);
  const text = [
    'Deno.env.get("FLUXBASE_SECRET_OK");',
    'Deno.env.get("FLUXBASE_SECRET_OLD");',
    "const s = 'FLUXBASE_SECRET_SOON';",
    'Deno.env.get("FLUXBASE_SECRET_MISSING");',
    'Deno.env.get("HOME");',
    '// Deno.env.get("FLUXBASE_SECRET_COMMENTED")',
  ].join('\n');

  it('reports unknown, expired and expiring references at their string content', () => {
    const problems = findDocumentProblems(text, index, 1, NOW);
    assert.deepEqual(
      problems.map((p) => [p.code, p.level, p.variable, text.slice(p.start, p.end)]),
      [
        ['expiredSecret', 'warning', 'FLUXBASE_SECRET_OLD', 'FLUXBASE_SECRET_OLD'],
        ['expiringSecret', 'information', 'FLUXBASE_SECRET_SOON', 'FLUXBASE_SECRET_SOON'],
        ['unknownSecret', 'warning', 'FLUXBASE_SECRET_MISSING', 'FLUXBASE_SECRET_MISSING'],
      ],
    );
  });

  it('does not report unknown references while no connection is signed in', () => {
    assert.deepEqual(findDocumentProblems('Deno.env.get("FLUXBASE_SECRET_MISSING")', new Map(), 0, NOW), []);
  });

  it('reports every reference of a variable read in several places, each at its own place', () => {
    const repeated = 'Deno.env.get("FLUXBASE_SECRET_OLD");\nconst again = "FLUXBASE_SECRET_OLD";\n';
    const problems = findDocumentProblems(repeated, index, 1, NOW);
    assert.deepEqual(
      problems.map((p) => [p.code, p.start]),
      [
        ['expiredSecret', repeated.indexOf('FLUXBASE_SECRET_OLD')],
        ['expiredSecret', repeated.lastIndexOf('FLUXBASE_SECRET_OLD')],
      ],
    );
  });
});
