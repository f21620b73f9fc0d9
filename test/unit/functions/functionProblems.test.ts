import * as assert from 'node:assert/strict';
import { indexByVariable, resolveVariable } from '../../../src/core/code/variableResolution';
import type { FunctionContext } from '../../../src/core/functions/functionNamespaces';
import { assessFunctionReference, joinWords } from '../../../src/core/functions/functionProblems';
import {
  firstPlacement,
  functionCreatePrefill,
  namespacesLacking,
  presetNamespace,
} from '../../../src/core/functions/functionTargets';
import { NOW, daysFromNow, entry } from '../code/catalogFixtures';
import { contextOf } from './functionFixtures';

const PROD = { id: 'prod', name: 'Prod' };

const CATALOG = [
  entry({ name: 'X', scope: 'namespace', namespace: 'staging' }),
  entry({ name: 'X', scope: 'namespace', namespace: 'notifications' }),
  entry({ name: 'SLACK_BOT_TOKEN', scope: 'namespace', namespace: 'notifications' }),
  entry({ name: 'STRIPE_KEY' }),
  entry({ name: 'STRIPE_KEY', scope: 'namespace', namespace: 'billing', version: 3 }),
  entry({ name: 'OLD', scope: 'namespace', namespace: 'billing', is_expired: true, expires_at: daysFromNow(-2) }),
  entry({ name: 'FALLBACK', scope: 'namespace', namespace: 'billing', expires_at: daysFromNow(-1) }),
  entry({ name: 'FALLBACK' }),
  entry({ name: 'SOON', scope: 'namespace', namespace: 'billing', expires_at: daysFromNow(3) }),
  entry({ name: 'GLOBAL_ONLY' }),
  entry({ name: 'REMOTE' }, PROD),
];

function assess(variable: string, context: FunctionContext, signedIn = 1) {
  const resolution = resolveVariable(variable, indexByVariable(CATALOG).get(variable) ?? [], NOW);
  return assessFunctionReference(resolution, context, signedIn, NOW);
}

describe('Function diagnostics: a reference checked in each namespace on each connection', () => {
  it('missing in one namespace: the message shape of the issue (other namespaces in alphabetical order)', () => {
    const problems = assess('FLUXBASE_SECRET_X', contextOf(['production']));
    assert.deepEqual(problems, [
      {
        code: 'notAvailableInNamespace',
        level: 'warning',
        message:
          'FLUXBASE_SECRET_X is not available to charge-customer in namespace production: it exists only in notifications and staging',
        connectionId: 'local',
        namespace: 'production',
      },
    ]);
  });

  it('a notifications-only secret in the billing function is not available; in notifications it is fine', () => {
    const problems = assess('FLUXBASE_SECRET_SLACK_BOT_TOKEN', contextOf(['billing', 'notifications']));
    assert.deepEqual(
      problems.map((p) => [p.namespace, p.message]),
      [
        [
          'billing',
          'FLUXBASE_SECRET_SLACK_BOT_TOKEN is not available to charge-customer in namespace billing: it exists only in notifications',
        ],
      ],
    );
  });

  it('a global secret reaches every namespace, also the "" namespace', () => {
    assert.deepEqual(assess('FLUXBASE_SECRET_GLOBAL_ONLY', contextOf(['billing', 'default', ''])), []);
  });

  it('the "" namespace sees only global secrets, and the message says why', () => {
    const [problem] = assess('FLUXBASE_SECRET_SLACK_BOT_TOKEN', contextOf(['']));
    assert.equal(problem?.code, 'notAvailableInNamespace');
    assert.equal(
      problem?.message,
      'FLUXBASE_SECRET_SLACK_BOT_TOKEN is not available to charge-customer deployed without a namespace (it sees only global secrets): it exists only in notifications',
    );
  });

  it('expired in one namespace (no global to fall back to) is a warning naming the secret', () => {
    const problems = assess('FLUXBASE_SECRET_OLD', contextOf(['billing']));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.code, 'expiredInNamespace');
    assert.equal(problems[0]?.level, 'warning');
    assert.match(
      problems[0]?.message ?? '',
      /^FLUXBASE_SECRET_OLD has expired for charge-customer in namespace billing: secret OLD \(namespace billing\) expired 2 days ago/,
    );
  });

  it('overridden: information saying the namespace secret wins over the global one', () => {
    const [problem, ...rest] = assess('FLUXBASE_SECRET_STRIPE_KEY', contextOf(['billing', 'default']));
    assert.equal(rest.length, 0, 'default gets the global one: nothing to say');
    assert.equal(problem?.code, 'overriddenInNamespace');
    assert.equal(problem?.level, 'information');
    assert.equal(
      problem?.message,
      'charge-customer in namespace billing gets FLUXBASE_SECRET_STRIPE_KEY from the namespace secret STRIPE_KEY (v3), which overrides the global one',
    );
  });

  it('an expired namespace secret with a usable global one: information that the global value is used', () => {
    const [problem] = assess('FLUXBASE_SECRET_FALLBACK', contextOf(['billing']));
    assert.equal(problem?.code, 'expiredFallsBackToGlobal');
    assert.equal(problem?.level, 'information');
  });

  it('expiring in a namespace: information', () => {
    const [problem] = assess('FLUXBASE_SECRET_SOON', contextOf(['billing']));
    assert.equal(problem?.code, 'expiringInNamespace');
    assert.match(problem?.message ?? '', /expires in 3 days/);
  });

  it('unknown everywhere stays as without a function (one namespace-blind warning)', () => {
    const problems = assess('FLUXBASE_SECRET_NOWHERE', contextOf(['billing', 'default']));
    assert.deepEqual(
      problems.map((p) => [p.code, p.message]),
      [['unknownSecret', 'No Fluxbase secret provides FLUXBASE_SECRET_NOWHERE.']],
    );
  });

  it('runtime variables are never unknown secrets', () => {
    assert.deepEqual(assess('FLUXBASE_URL', contextOf(['billing'])), []);
    assert.deepEqual(assess('FLUXBASE_SETTING_OPENAI_KEY', contextOf(['billing'])), []);
  });

  it('per connection: missing on one connection is reported with its name, once there are several', () => {
    const context = contextOf(['default'], undefined, [
      { id: 'local', name: 'Local' },
      { id: 'prod', name: 'Prod' },
    ]);
    const problems = assess('FLUXBASE_SECRET_REMOTE', context, 2);
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'FLUXBASE_SECRET_REMOTE is not available to charge-customer in namespace default on Local: no secret of Local provides it',
      ],
    );
  });

  it('a shared module names the functions that import it in each namespace', () => {
    const shared = contextOf(['billing'], { kind: 'shared', resource: 'functions', importers: [] });
    const connection = shared.connections[0];
    if (connection?.namespaces[0]) {
      connection.namespaces[0].via = ['charge-customer', 'refund'];
    }
    const [problem] = assess('FLUXBASE_SECRET_SLACK_BOT_TOKEN', shared);
    assert.match(
      problem?.message ?? '',
      /^FLUXBASE_SECRET_SLACK_BOT_TOKEN is not available to this shared module \(imported by charge-customer and refund\) in namespace billing/,
    );
  });

  it('joins words as a sentence', () => {
    assert.equal(joinWords([]), '');
    assert.equal(joinWords(['a']), 'a');
    assert.equal(joinWords(['a', 'b', 'c']), 'a, b and c');
  });
});

describe('Function targets: where a create goes for this function', () => {
  const resolution = (variable: string) => resolveVariable(variable, indexByVariable(CATALOG).get(variable) ?? [], NOW);

  it('"Create in namespace X" for each namespace that lacks the secret, never for ""', () => {
    const lacking = namespacesLacking(
      resolution('FLUXBASE_SECRET_SLACK_BOT_TOKEN'),
      contextOf(['billing', 'notifications', '', 'default']),
    );
    assert.deepEqual(
      lacking.map((t) => t.namespace),
      ['billing', 'default'],
    );
  });

  it('presets the only namespace of the function on the connection; none when several or only ""', () => {
    assert.equal(presetNamespace(contextOf(['billing']), 'local'), 'billing');
    assert.equal(presetNamespace(contextOf(['billing', 'default']), 'local'), undefined);
    assert.equal(presetNamespace(contextOf(['']), 'local'), undefined);
    assert.equal(presetNamespace(contextOf(['billing']), 'other'), undefined);
  });

  it('"What does this function see?" opens on the first namespace of the first connection', () => {
    assert.deepEqual(firstPlacement(contextOf(['billing', 'default'])), {
      connectionId: 'local',
      namespace: 'billing',
    });
    assert.deepEqual(firstPlacement(contextOf([''])), { connectionId: 'local', namespace: '' });
    assert.equal(firstPlacement(contextOf([], undefined, [])), undefined);
    assert.equal(firstPlacement(undefined), undefined);
  });

  it('Move to Fluxbase Secret in a function: one connection and one namespace fill in both', () => {
    assert.deepEqual(functionCreatePrefill(contextOf(['billing'])), {
      connectionId: 'local',
      scope: 'namespace',
      namespace: 'billing',
    });
    assert.equal(functionCreatePrefill(contextOf(['billing', 'default'])), undefined);
    assert.equal(functionCreatePrefill(contextOf([''])), undefined);
    assert.deepEqual(functionCreatePrefill(contextOf([['billing', 'declared']])), {
      connectionId: 'local',
      scope: 'namespace',
      namespace: 'billing',
    });
    // Neither deployed nor declared: `default` is only the fallback, so the scope question is asked.
    assert.equal(functionCreatePrefill(contextOf([['default', 'default']])), undefined);
    const two = contextOf(['billing'], undefined, [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ]);
    assert.equal(functionCreatePrefill(two), undefined);
    assert.equal(functionCreatePrefill(undefined), undefined);
  });
});
