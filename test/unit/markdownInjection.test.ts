import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import type { SecretSummary } from '../../src/core/api/secretTypes';
import { hoverMarkdown, HOVER_COMMANDS } from '../../src/core/code/hoverContent';
import { indexByVariable, resolveVariable } from '../../src/core/code/variableResolution';
import type { SecretRef } from '../../src/shared/secretRef';
import { secretTooltip, TOOLTIP_COMMANDS } from '../../src/core/explorer/secretTooltip';
import { codeSpan, commandLink, escapeMarkdown } from '../../src/core/markdown';
import { NOW, entry, summary } from './code/catalogFixtures';

/**
 * Server text (names, namespaces, descriptions, author ids, times) and
 * connection names rendered by a CommonMark renderer with raw HTML and
 * linkify on, the most permissive setting: the HTML must hold exactly the
 * command links the extension wrote, with the arguments it meant, and no
 * image, no other link and no HTML of its own.
 */
const HOSTILE = [
  'a\r[r](command:fluxbaseSecrets.updateSecretValue?%5B%5D)',
  'b\u2028![ls](http://attacker.example/ls.png)',
  'c\u2029<img src="http://attacker.example/ps.png">',
  'd\u0085[nel](http://attacker.example/nel)',
  'e\n\n[nl]: http://attacker.example/ref\n[nl]',
  '`` `](command:workbench.action.quit)` ``',
  '`x](command:workbench.action.quit)',
  'Prod :-)',
  ')](command:workbench.action.quit "t")',
  '<http://attacker.example/auto> www.attacker.example http://attacker.example/bare',
  '&#91;ent&#93;(http://attacker.example/ent) \\',
  ' ` ',
  '',
] as const;

interface Rendered {
  hrefs: string[];
  images: number;
  html: number;
  codeSpans: string[];
  text: string;
}

const renderer = new MarkdownIt({ html: true, linkify: true });

function render(markdown: string): Rendered {
  const result: Rendered = { hrefs: [], images: 0, html: 0, codeSpans: [], text: '' };
  const visit = (tokens: ReturnType<typeof renderer.parse>): void => {
    for (const token of tokens) {
      if (token.type === 'link_open') {
        result.hrefs.push(String(token.attrGet('href') ?? ''));
      } else if (token.type === 'image') {
        result.images++;
      } else if (token.type === 'html_inline' || token.type === 'html_block') {
        result.html++;
      } else if (token.type === 'code_inline') {
        result.codeSpans.push(token.content);
      } else if (token.type === 'text') {
        result.text += token.content;
      }
      visit(token.children ?? []);
    }
  };
  visit(renderer.parse(markdown, {}));
  const html = renderer.render(markdown);
  assert.equal((html.match(/<a /g) ?? []).length, result.hrefs.length, html);
  assert.doesNotMatch(html, /<img|<script/, html);
  return result;
}

/** The command and decoded arguments of a `command:` href. */
function commandOf(href: string): { command: string; args: unknown } {
  const match = /^command:([\w.]+)\?(.*)$/.exec(href);
  assert.ok(match, `a command link: ${href}`);
  return { command: match[1] ?? '', args: JSON.parse(decodeURIComponent(match[2] ?? '')) };
}

const flat = (text: string): string => text.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ');

describe('markdown: hostile server text in tooltips and hovers', () => {
  for (const value of HOSTILE) {
    const label = JSON.stringify(value);

    it(`a tooltip holds only its two command links with ${label} everywhere`, () => {
      const secret: SecretSummary = summary({
        name: value,
        scope: 'namespace',
        namespace: value,
        description: value,
        version: value as unknown as number,
        created_at: value,
        created_by: value,
        updated_by: value,
        expires_at: value,
      });
      const ref: SecretRef = { connectionId: value, id: value, name: value, scope: 'namespace', namespace: value };
      const markdown = secretTooltip({
        ref,
        secret,
        expiry: 'active',
        overrides: [summary({ name: value })],
        overriddenIn: [value, value],
        now: NOW.getTime(),
      });
      const rendered = render(markdown);
      assert.equal(rendered.images, 0);
      assert.equal(rendered.html, 0);
      assert.deepEqual(
        rendered.hrefs.map(commandOf),
        TOOLTIP_COMMANDS.map((command) => ({ command, args: [ref] })),
      );
      // each code span shows its text exactly (namespace, overriding name, overridden namespaces, authors)
      for (const code of [value, value, value, value, value, value].map(flat)) {
        assert.ok(rendered.codeSpans.includes(code === '' ? ' ' : code), `code span ${JSON.stringify(code)}`);
      }
    });

    it(`a hover holds only its command links with ${label} as name, namespace, connection and description`, () => {
      const connection = { id: value, name: value };
      const name = `K${value}`;
      const entries = [
        entry({ name, description: value, version: value as unknown as number }, connection),
        entry({ name, scope: 'namespace', namespace: value, description: value }, connection),
      ];
      const variable = `FLUXBASE_SECRET_${name.toUpperCase()}`;
      const markdown = hoverMarkdown(resolveVariable(variable, indexByVariable(entries).get(variable) ?? [], NOW), NOW);
      const rendered = render(markdown ?? '');
      assert.equal(rendered.images, 0);
      assert.equal(rendered.html, 0);
      const expected = entries.flatMap(({ secret }) => {
        const ref: SecretRef = {
          connectionId: value,
          id: secret.id,
          name,
          scope: secret.scope,
          ...(secret.namespace !== undefined ? { namespace: secret.namespace } : {}),
        };
        return HOVER_COMMANDS.map((command) => ({ command, args: [ref] }));
      });
      assert.deepEqual(rendered.hrefs.map(commandOf), expected);
      assert.ok(rendered.codeSpans.includes(flat(name)), 'the name is shown exactly');
    });
  }
});

describe('markdown helpers', () => {
  it('escapeMarkdown shows every hostile text literally, on one line', () => {
    for (const value of HOSTILE) {
      const rendered = render(`x ${escapeMarkdown(value)} x`);
      assert.deepEqual(rendered.hrefs, []);
      assert.equal(rendered.images + rendered.html + rendered.codeSpans.length, 0);
      assert.equal(rendered.text.replace(/\s+/g, ' '), `x ${flat(value)} x`.replace(/\s+/g, ' '));
    }
  });

  it('codeSpan holds any run of backticks and spaces exactly', () => {
    for (const value of ['a`b', '`', '``', 'x ``` y', '` x `', '  two  ', ' ', 'a\rb\u2028c', ...HOSTILE]) {
      const expected = flat(value) === '' ? ' ' : flat(value);
      assert.deepEqual(render(codeSpan(value)).codeSpans, [expected], JSON.stringify(value));
    }
  });

  it('commandLink keeps its arguments and title whole, whatever they hold', () => {
    for (const value of HOSTILE) {
      const rendered = render(commandLink(value, 'x.y', [{ value }], value));
      assert.deepEqual(rendered.hrefs.map(commandOf), [{ command: 'x.y', args: [{ value }] }]);
      assert.equal(rendered.images + rendered.html, 0);
    }
    assert.throws(() => commandLink('Go', 'x.y) [z](http://a', []), /Not a command id/);
  });
});
