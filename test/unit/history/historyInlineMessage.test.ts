import * as assert from 'node:assert/strict';
import { buildHistoryPageHtml } from '../../../src/core/history/historyPageHtml';
import {
  decodeInlineMessage,
  encodeInlineMessage,
  INLINE_MESSAGE_ELEMENT_ID,
  type InlineHistoryMessage,
} from '../../../src/shared/historyInlineMessage';
import { pageResources, sampleView, stripeRef } from './historyFixtures';

/** Server text a hostile server could put in a name, description or namespace: each tries to end the data block. */
const HOSTILE_TEXTS = [
  '</script><script>window.pwned = 1</script>',
  '</SCRIPT ><img src=x onerror=alert(1)>',
  '<!-- <script>',
  ']]></script>',
  '&lt;/script&gt; &amp; &#60;',
  'line\u2028separator\u2029paragraph',
  '"}]} </script>',
];

function hostileHistory(text: string): InlineHistoryMessage {
  const view = sampleView();
  return {
    type: 'history',
    ref: { ...stripeRef, name: text, namespace: text },
    view: { ...view, name: text, description: text, namespace: text, connection: { name: text, url: text } },
  };
}

const resources = pageResources;

/** The text of the data block, as an HTML parser ends it: at the first `</script`, whatever the case. */
function dataBlockText(html: string): string {
  const open = `<script type="application/json" id="${INLINE_MESSAGE_ELEMENT_ID}">`;
  const start = html.indexOf(open);
  assert.ok(start >= 0, 'the page has the data block');
  const rest = html.slice(start + open.length);
  const end = rest.search(/<\/script/i);
  assert.ok(end >= 0);
  return rest.slice(0, end);
}

describe('the history page first state inlined in its HTML', () => {
  describe('encoding (host)', () => {
    for (const text of HOSTILE_TEXTS) {
      it(`leaves no markup character in the JSON, and it parses back exactly: ${JSON.stringify(text)}`, () => {
        const message = hostileHistory(text);
        const encoded = encodeInlineMessage(message);
        assert.doesNotMatch(encoded, /[<>&\u2028\u2029]/);
        assert.deepEqual(JSON.parse(encoded), message);
      });
    }
  });

  describe('the page HTML (host)', () => {
    for (const text of HOSTILE_TEXTS) {
      it(`keeps one script that runs, and the block ends where the host ended it: ${JSON.stringify(text)}`, () => {
        const message = hostileHistory(text);
        const html = buildHistoryPageHtml({ ...resources, firstState: message });
        const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
        assert.deepEqual(scripts, [
          `<script type="application/json" id="${INLINE_MESSAGE_ELEMENT_ID}">`,
          `<script nonce="${resources.nonce}" src="${resources.scriptUri}">`,
        ]);
        assert.equal((html.match(/<\/script/gi) ?? []).length, 2, 'no extra end tag from the server text');
        assert.doesNotMatch(html, /<!--|<img/i);
        assert.deepEqual(decodeInlineMessage(dataBlockText(html)), message);
      });
    }

    it('adds no block without a first state, and the CSP is the same with one', () => {
      const plain = buildHistoryPageHtml(resources);
      const withState = buildHistoryPageHtml({ ...resources, firstState: { type: 'loading', ref: stripeRef } });
      assert.ok(!plain.includes(INLINE_MESSAGE_ELEMENT_ID));
      const csp = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
      assert.equal(csp(withState), csp(plain));
      assert.doesNotMatch(csp(withState) ?? '', /unsafe|sha256/);
    });
  });

  describe('decoding (page): what the page accepts is exactly what the message guard accepts', () => {
    it('accepts a well-formed state', () => {
      const message = hostileHistory(HOSTILE_TEXTS[0] as string);
      assert.deepEqual(decodeInlineMessage(encodeInlineMessage(message)), message);
      assert.deepEqual(decodeInlineMessage(JSON.stringify({ type: 'loading', ref: stripeRef })), {
        type: 'loading',
        ref: stripeRef,
      });
    });

    it('refuses what is missing, empty or not JSON', () => {
      for (const text of [null, undefined, '', '   ', '{', 'undefined', "{'type':'loading'}", '<b>x</b>']) {
        assert.equal(decodeInlineMessage(text), undefined, JSON.stringify(text));
      }
    });

    it('refuses JSON that fails the protocol guard, or a notice', () => {
      const view = sampleView();
      const bad: unknown[] = [
        null,
        42,
        'loading',
        [{ type: 'loading', ref: stripeRef }],
        { type: 'loading' },
        { type: 'loading', ref: { id: 'x' } },
        { type: 'history', ref: stripeRef, view: { ...view, versions: [{ version: 0 }] } },
        { type: 'history', ref: stripeRef, view: { ...view, name: 7 } },
        { type: 'history', ref: stripeRef, view, pendingRollback: -1 },
        { type: 'error', ref: stripeRef, message: { html: '<b>x</b>' } },
        { type: 'notice', severity: 'info', text: 'A notice is not a state' },
        { type: 'script', src: 'https://attacker.example/x.js' },
        { __proto__: { type: 'loading', ref: stripeRef } },
      ];
      for (const value of bad) {
        assert.equal(decodeInlineMessage(JSON.stringify(value)), undefined, JSON.stringify(value));
      }
    });
  });
});
