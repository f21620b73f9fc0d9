import * as assert from 'node:assert/strict';
import { buildHistoryPageHtml, historyPageCsp } from '../../../src/core/history/historyPageHtml';
import { createNonce } from '../../../src/core/history/nonce';
import { pageResources } from './historyFixtures';

const resources = pageResources;

function cspOf(html: string): Map<string, string[]> {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match?.[1], 'the page has a CSP meta tag');
  const directives = new Map<string, string[]>();
  for (const directive of match[1].split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) {
      directives.set(name, sources);
    }
  }
  return directives;
}

function tags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];
}

describe('history page HTML', () => {
  const html = buildHistoryPageHtml(resources);

  it("denies everything by default: default-src 'none'", () => {
    assert.deepEqual(cspOf(html).get('default-src'), ["'none'"]);
  });

  it('allows scripts and styles only by nonce', () => {
    const csp = cspOf(html);
    assert.deepEqual(csp.get('script-src'), [`'nonce-${resources.nonce}'`]);
    assert.deepEqual(csp.get('style-src'), [`'nonce-${resources.nonce}'`]);
  });

  it('allows fonts only from the webview resource origin, and nothing else', () => {
    const csp = cspOf(html);
    assert.deepEqual(csp.get('font-src'), [resources.cspSource]);
    assert.deepEqual([...csp.keys()].sort(), ['default-src', 'font-src', 'script-src', 'style-src']);
  });

  it('puts the nonce on every script and stylesheet', () => {
    const scripts = tags(html, 'script');
    const links = tags(html, 'link');
    assert.equal(scripts.length, 1);
    assert.equal(links.length, 2);
    for (const tag of [...scripts, ...links]) {
      assert.match(tag, new RegExp(`nonce="${resources.nonce}"`), tag);
    }
    assert.deepEqual(tags(html, 'style'), [], 'no inline <style> blocks');
  });

  it('loads the bundle, the page CSS and the codicons from the given URIs', () => {
    assert.match(
      html,
      /<script nonce="[^"]+" src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\.js">/,
    );
    assert.ok(html.includes(`href="${resources.styleUri}"`));
    assert.ok(html.includes(`href="${resources.codiconStyleUri}"`));
  });

  it('has no inline handlers, inline styles or inline script', () => {
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /\sstyle\s*=/i);
    assert.doesNotMatch(html, /javascript:/i);
    assert.match(html, /<script [^>]*><\/script>/, 'the only script is external and empty');
  });

  it('has a live region for status and a main region the script fills', () => {
    assert.match(html, /<div id="status"[^>]*role="status"[^>]*aria-live="polite"/);
    assert.match(html, /<main id="app"/);
  });

  it('escapes resource addresses so that they cannot break out of their attribute', () => {
    const hostile = buildHistoryPageHtml({ ...resources, scriptUri: 'x"><script>alert(1)</script>' });
    assert.equal(tags(hostile, 'script').length, 1);
    assert.ok(hostile.includes('x&quot;&gt;&lt;script&gt;'));
  });

  it('as the compare page: its title and a second sheet with the nonce, escaped, and still one script', () => {
    const compare = buildHistoryPageHtml({
      ...resources,
      title: 'Compare <Secrets>',
      extraStyleUri: 'https://x/compare.css"><script>',
    });
    assert.match(compare, /<title>Compare &lt;Secrets&gt;<\/title>/);
    const sheets = tags(compare, 'link');
    assert.equal(sheets.length, 3);
    assert.ok(sheets.every((tag) => tag.includes(`nonce="${resources.nonce}"`)));
    assert.ok(compare.includes('compare.css&quot;&gt;&lt;script&gt;'));
    assert.equal(tags(compare, 'script').length, 1);
    assert.match(html, /<title>Version History<\/title>/);
  });

  it('builds the CSP from the nonce and source it is given', () => {
    assert.equal(
      historyPageCsp({ nonce: 'abc', cspSource: 'vscode-webview://x' }),
      "default-src 'none'; script-src 'nonce-abc'; style-src 'nonce-abc'; font-src vscode-webview://x",
    );
  });
});

describe('CSP nonce', () => {
  it('is 128 random bits in base64url, different on every call', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9_-]{22}$/);
    }
  });
});
