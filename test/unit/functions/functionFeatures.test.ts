import * as assert from 'node:assert/strict';
import { indexByVariable, resolveVariable } from '../../../src/core/code/variableResolution';
import { functionCompletions } from '../../../src/core/functions/functionCompletion';
import { findFunctionDocumentProblems } from '../../../src/core/functions/functionDocumentProblems';
import { functionHoverMarkdown } from '../../../src/core/functions/functionHover';
import { codeSpan } from '../../../src/core/markdown';
import { escapeIcons, functionStatus } from '../../../src/core/functions/functionStatus';
import { NOW, daysFromNow, entry } from '../code/catalogFixtures';
import { CHARGE, contextOf } from './functionFixtures';

const CATALOG = [
  entry({ name: 'SLACK_BOT_TOKEN', scope: 'namespace', namespace: 'notifications' }),
  entry({ name: 'STRIPE_KEY' }),
  entry({ name: 'STRIPE_KEY', scope: 'namespace', namespace: 'billing', version: 3 }),
  entry({ name: 'DB_URL' }),
  entry({ name: 'GONE', scope: 'namespace', namespace: 'ops', is_expired: true, expires_at: daysFromNow(-1) }),
];
const INDEX = indexByVariable(CATALOG);
const resolution = (variable: string) => resolveVariable(variable, INDEX.get(variable) ?? [], NOW);

describe('Function completion: what the function gets first, then runtime, then the rest', () => {
  const completions = functionCompletions(INDEX, contextOf(['billing']), NOW).sort((a, b) =>
    a.sortText.localeCompare(b.sortText),
  );
  const byVariable = new Map(completions.map((c) => [c.variable, c]));

  it('orders the available secrets first, the runtime variables next, the others last', () => {
    const order = completions.map((c) => `${c.group}:${c.variable}`);
    assert.deepEqual(order.slice(0, 2), ['available:FLUXBASE_SECRET_DB_URL', 'available:FLUXBASE_SECRET_STRIPE_KEY']);
    assert.ok(
      order.slice(2, -2).every((o) => o.startsWith('runtime:')),
      order.join(),
    );
    assert.deepEqual(order.slice(-2), [
      'unavailable:FLUXBASE_SECRET_SLACK_BOT_TOKEN',
      'unavailable:FLUXBASE_SECRET_GONE',
    ]);
  });

  it('says which namespace provides each, and where a namespace secret overrides the global one', () => {
    assert.equal(byVariable.get('FLUXBASE_SECRET_STRIPE_KEY')?.description, 'billing (overrides global)');
    assert.equal(byVariable.get('FLUXBASE_SECRET_DB_URL')?.description, 'global');
  });

  it('marks the rest "not available to this function"; expired ones are struck through', () => {
    assert.equal(byVariable.get('FLUXBASE_SECRET_SLACK_BOT_TOKEN')?.description, 'not available to this function');
    assert.equal(byVariable.get('FLUXBASE_SECRET_SLACK_BOT_TOKEN')?.deprecated, false);
    assert.equal(byVariable.get('FLUXBASE_SECRET_GONE')?.deprecated, true);
  });

  it('runtime variables of the function with their meaning, settings prefixes, no job variables', () => {
    assert.match(byVariable.get('FLUXBASE_FUNCTION_NAMESPACE')?.detail ?? '', /namespace/);
    assert.equal(byVariable.get('FLUXBASE_SETTING_')?.group, 'runtime');
    assert.equal(byVariable.get('FLUXBASE_USER_')?.group, 'runtime');
    assert.equal(byVariable.get('FLUXBASE_JOB_ID'), undefined);
  });

  it('without a function every secret is listed as before (no group of unavailable ones)', () => {
    const plain = functionCompletions(INDEX, undefined, NOW);
    assert.ok(plain.filter((c) => c.variable.startsWith('FLUXBASE_SECRET_')).every((c) => c.group === 'available'));
    assert.equal(plain.find((c) => c.variable === 'FLUXBASE_SECRET_GONE')?.deprecated, true);
  });

  it('with several connections each provider names its connection', () => {
    const context = contextOf(['billing'], CHARGE, [
      { id: 'local', name: 'Local' },
      { id: 'prod', name: 'Prod' },
    ]);
    const stripe = functionCompletions(INDEX, context, NOW).find((c) => c.variable === 'FLUXBASE_SECRET_STRIPE_KEY');
    assert.equal(stripe?.description, 'Local: billing (overrides global)');
  });
});

describe('Function hover: what the function gets in each namespace, then the rest', () => {
  it('leads with the function and each namespace with its source, then the other secrets', () => {
    const markdown =
      functionHoverMarkdown(
        resolution('FLUXBASE_SECRET_STRIPE_KEY'),
        contextOf([
          ['billing', 'deployed'],
          ['default', 'declared'],
        ]),
        NOW,
      ) ?? '';
    const lead = markdown.indexOf('What function charge\\-customer gets:');
    const billing = markdown.indexOf('namespace `billing` (deployed): namespace secret (overrides global)');
    const fallback = markdown.indexOf('namespace `default` (declared in the namespace setting): global secret');
    assert.ok(lead > 0 && billing > lead && fallback > billing, markdown);
    assert.ok(!markdown.includes('Other secrets that provide it'), 'both secrets are already shown');
  });

  it('a notifications-only secret is "not available" in billing and listed under the rest', () => {
    const markdown =
      functionHoverMarkdown(resolution('FLUXBASE_SECRET_SLACK_BOT_TOKEN'), contextOf(['billing']), NOW) ?? '';
    assert.match(
      markdown,
      /namespace `billing` \(deployed\): \*\*not available\*\* — it exists only in `notifications`/,
    );
    assert.match(markdown, /Other secrets that provide it:\n\n- Local · Namespace `notifications`/);
  });

  it('the "" namespace and a connection that cannot list are said in the hover', () => {
    const context = contextOf([['', 'deployed']], CHARGE, [
      { id: 'local', name: 'Local', unavailable: 'this credential cannot list functions (403)' },
    ]);
    const markdown = functionHoverMarkdown(resolution('FLUXBASE_SECRET_DB_URL'), context, NOW) ?? '';
    assert.match(markdown, /no namespace \(only global secrets\)/);
    assert.match(markdown, /Local: deployed functions unknown \(this credential cannot list functions \\\(403\\\)\)/);
  });

  it('runtime variables get their meaning (also outside functions); unknown secrets stay as before', () => {
    assert.match(
      functionHoverMarkdown(resolution('FLUXBASE_URL'), contextOf(['billing']), NOW) ?? '',
      /Fluxbase runtime variable/,
    );
    assert.match(
      functionHoverMarkdown(resolution('FLUXBASE_JOB_ID'), contextOf(['billing']), NOW) ?? '',
      /Not set for a function/,
    );
    assert.match(functionHoverMarkdown(resolution('FLUXBASE_URL'), undefined, NOW) ?? '', /Base URL/);
    assert.match(
      functionHoverMarkdown(resolution('FLUXBASE_SECRET_NOPE'), contextOf(['billing']), NOW) ?? '',
      /No secret of the signed-in Fluxbase connections provides this variable/,
    );
  });

  it('escapes server text: a namespace with backticks and a connection name with Markdown', () => {
    const hostile = [
      entry(
        { name: 'H', scope: 'namespace', namespace: 'a`[x](command:evil)' },
        { id: 'local', name: '[click](http://x)' },
      ),
    ];
    const markdown =
      functionHoverMarkdown(
        resolveVariable('FLUXBASE_SECRET_H', hostile, NOW),
        contextOf(['a`[x](command:evil)'], CHARGE, [
          { id: 'local', name: '[click](http://x)' },
          { id: 'p', name: 'P' },
        ]),
        NOW,
      ) ?? '';
    assert.ok(!markdown.includes('[click](http://x)'), markdown);
    assert.ok(markdown.includes(`namespace ${codeSpan('a`[x](command:evil)')} (deployed)`), markdown);
    assert.ok(!/[^`]\[x\]\(command:evil\)/.test(markdown.replace(codeSpan('a`[x](command:evil)'), '')), markdown);
  });
});

describe('Function status bar: name, namespaces, sources', () => {
  it('shows the function and every namespace; the tooltip gives each source per connection', () => {
    const status = functionStatus(
      contextOf([
        ['billing', 'deployed'],
        ['default', 'default'],
      ]),
    );
    assert.equal(status.text, '$(symbol-function) charge-customer · billing, default');
    assert.match(status.tooltip, /Local: billing \(deployed\); default \(default: sync without --namespace\)/);
  });

  it('the "" namespace, unlisted connections and no signed-in connection are explained', () => {
    const context = contextOf([['', 'deployed']], CHARGE, [{ id: 'l', name: 'Local', unavailable: 'not listed yet' }]);
    const status = functionStatus(context);
    assert.equal(status.text, '$(symbol-function) charge-customer · (no namespace)');
    assert.match(status.tooltip, /it sees only global secrets/);
    assert.match(status.tooltip, /deployed functions unknown: not listed yet/);
    assert.equal(functionStatus(contextOf([], CHARGE, [])).text, '$(symbol-function) charge-customer');
  });

  it('names and namespaces cannot render icons', () => {
    assert.equal(escapeIcons('$(alert) x'), '\\$(alert) x');
    const status = functionStatus(contextOf(['$(bug)']));
    assert.ok(status.text.endsWith('\\$(bug)'), status.text);
  });
});

describe('Function document problems: references, the annotation, runtime variables of the other kind', () => {
  const text = [
    '// @fluxbase:namespace billing',
    'const a = Deno.env.get("FLUXBASE_SECRET_SLACK_BOT_TOKEN");',
    'const b = Deno.env.get("FLUXBASE_JOB_ID");',
    'const c = Deno.env.get("FLUXBASE_URL");',
  ].join('\n');

  it('finds the annotation (information), the unavailable secret and the job variable, with offsets', () => {
    const problems = findFunctionDocumentProblems(text, INDEX, 1, contextOf(['default']), NOW);
    assert.deepEqual(
      problems.map((p) => [p.code, p.level, text.slice(p.start, p.end)]),
      [
        ['namespaceAnnotation', 'information', '@fluxbase:namespace billing'],
        ['notAvailableInNamespace', 'warning', 'FLUXBASE_SECRET_SLACK_BOT_TOKEN'],
        ['runtimeVariableNotSet', 'information', 'FLUXBASE_JOB_ID'],
      ],
    );
    assert.equal(problems[0]?.namespace, 'billing');
    assert.equal(problems[2]?.message, 'FLUXBASE_JOB_ID is set only for jobs: charge-customer is a function');
  });
});
