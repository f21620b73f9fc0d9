import * as assert from 'node:assert/strict';
import { assessReference } from '../../../src/core/code/referenceProblems';
import { indexByVariable, resolveVariable } from '../../../src/core/code/variableResolution';
import {
  expirySeverity,
  PROBLEM_SEVERITIES,
  problemSeverityOf,
  secretIcon,
  severityOf,
  type ProblemSeverity,
} from '../../../src/core/explorer/problemSeverity';
import { assessFunctionReference } from '../../../src/core/functions/functionProblems';
import { expiryStateOf } from '../../../src/shared/expiry';
import { NOW, daysFromNow, entry } from '../code/catalogFixtures';
import { contextOf } from '../functions/functionFixtures';

const EXPIRED = entry({ name: 'OLD', is_expired: true, expires_at: daysFromNow(-2) });
const EXPIRING = entry({ name: 'SOON', expires_at: daysFromNow(3) });
const NS_EXPIRED = entry({ name: 'NS_OLD', scope: 'namespace', namespace: 'billing', expires_at: daysFromNow(-1) });
const NS_EXPIRING = entry({ name: 'NS_SOON', scope: 'namespace', namespace: 'billing', expires_at: daysFromNow(2) });

/** What Problems shows for the plain-file reference to `secret`'s variable, with the setting `configured`. */
function problemsSeverity(secret: ReturnType<typeof entry>, configured: ProblemSeverity): ProblemSeverity | undefined {
  const variable = `FLUXBASE_SECRET_${secret.secret.name}`;
  const resolution = resolveVariable(variable, indexByVariable([secret]).get(variable) ?? [], NOW);
  const problem = assessReference(resolution, 1, NOW);
  return problem && severityOf(problem.level, configured);
}

/** What Problems shows for the reference in a function of namespace billing. */
function functionProblemsSeverity(secret: ReturnType<typeof entry>, configured: ProblemSeverity) {
  const variable = `FLUXBASE_SECRET_${secret.secret.name}`;
  const resolution = resolveVariable(variable, indexByVariable([secret]).get(variable) ?? [], NOW);
  const [problem] = assessFunctionReference(resolution, contextOf(['billing']), 1, NOW);
  return problem && severityOf(problem.level, configured);
}

/** What the tree shows for `secret`: the severity of its icon. */
function treeSeverity(secret: ReturnType<typeof entry>, configured: ProblemSeverity): ProblemSeverity | undefined {
  return expirySeverity(expiryStateOf(secret.secret, NOW), configured);
}

describe('one severity rule for the tree and Problems', () => {
  it('by default (warning): an expired secret is a warning in both, a soon expiring one information', () => {
    assert.equal(problemsSeverity(EXPIRED, 'warning'), 'warning');
    assert.equal(treeSeverity(EXPIRED, 'warning'), 'warning');
    assert.deepEqual(secretIcon('expired', 'warning'), { id: 'warning', color: 'list.warningForeground' });
    assert.equal(problemsSeverity(EXPIRING, 'warning'), 'information');
    assert.deepEqual(secretIcon('expiring', 'warning'), { id: 'info', color: 'problemsInfoIcon.foreground' });
    assert.deepEqual(secretIcon('active', 'warning'), { id: 'key' });
  });

  it('with the setting at error, an expired secret is an error in both; expiring stays information', () => {
    assert.equal(problemsSeverity(EXPIRED, 'error'), 'error');
    assert.deepEqual(secretIcon('expired', 'error'), { id: 'error', color: 'list.errorForeground' });
    assert.equal(problemsSeverity(EXPIRING, 'error'), 'information');
    assert.deepEqual(secretIcon('expiring', 'error'), { id: 'info', color: 'problemsInfoIcon.foreground' });
  });

  it('with the setting at hint, nothing is more severe than a hint, and the row keeps its key', () => {
    assert.equal(problemsSeverity(EXPIRED, 'hint'), 'hint');
    assert.equal(problemsSeverity(EXPIRING, 'hint'), 'hint');
    assert.deepEqual(secretIcon('expired', 'hint'), { id: 'key' });
  });

  for (const configured of PROBLEM_SEVERITIES) {
    it(`with the setting at ${configured}, the tree and Problems agree, in plain files and in functions`, () => {
      for (const secret of [EXPIRED, EXPIRING]) {
        assert.equal(treeSeverity(secret, configured), problemsSeverity(secret, configured), secret.secret.name);
      }
      for (const secret of [NS_EXPIRED, NS_EXPIRING]) {
        assert.equal(
          treeSeverity(secret, configured),
          functionProblemsSeverity(secret, configured),
          secret.secret.name,
        );
      }
    });
  }

  it('reads a malformed setting as the default', () => {
    assert.equal(problemSeverityOf('error'), 'error');
    assert.equal(problemSeverityOf('fatal'), 'warning');
    assert.equal(problemSeverityOf(undefined), 'warning');
  });
});
