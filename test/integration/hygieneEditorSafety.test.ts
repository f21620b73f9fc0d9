/**
 * Editor safety in VS Code (issue 9): an untrusted workspace cannot point the
 * extension's credentials at another server; credentials are not sent over
 * plain http to another machine without consent; the history page runs under
 * a strict CSP; tooltips and hovers can only run the extension's own two
 * commands, even when secret names and descriptions carry links and HTML.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { settingsConnectionId } from '../../src/core/connections/connection';
import type { ExplorerNode, SecretNode } from '../../src/core/explorer/explorerNodes';
import type { SecretRef } from '../../src/shared/secretRef';
import type { FluxbaseSecretsApi } from '../../src/host/extensionApi';
import { readExtensionManifest } from '../support/manifest';
import { createKey } from '../unit/server/serverHarness';
import { CANCEL, choose, pick, text } from '../unit/commands/support/scriptedUserInput';
import { eventually } from './support/eventually';
import { extensionLogText } from './support/extensionLog';
import { activateExtension, configureConnections, removeConnections } from './support/extensionUnderTest';
import { startLocalFluxbase, type LocalFluxbase } from './support/localFluxbase';
import { runWithAnswers } from './support/scriptedAnswers';
import { WebviewRecorder } from './support/webviewRecorder';

const OWN_LINK_COMMANDS = ['fluxbaseSecrets.showHistory', 'fluxbaseSecrets.updateSecretValue'];
const HOSTILE_DESCRIPTION =
  '[run me](command:workbench.action.terminal.new) <img src=x onerror="alert(1)"> ](command:workbench.action.quit) ' +
  '[site](https://evil.example) <a href="command:workbench.action.quit">quit</a>';
const HOSTILE_NAME = 'EVIL_[x](command:workbench.action.quit)';
const HOSTILE_NAMESPACE = 'ns](command:workbench.action.quit)';
const CONNECTION_NAME = 'Safety IT';
const REMOTE_NAME = 'Remote over http';
/** TEST-NET-1: never routed, so nothing could answer even if something were sent. */
const REMOTE_URL = 'http://192.0.2.44:8080';

/**
 * The command ids of the links markdown would make clickable: `](command:…`
 * outside code spans, where the `]` is not escaped.
 */
function activeCommandLinks(markdown: string): string[] {
  const outsideCode = markdown.replace(/(`+)[\s\S]*?\1/g, '');
  return [...outsideCode.matchAll(/(?<!\\)\]\(\s*<?command:([^?)\s"]+)/g)].map((match) => match[1] ?? '');
}

function secretNodes(nodes: readonly ExplorerNode[]): SecretNode[] {
  return nodes.flatMap((node) =>
    node.kind === 'secret' ? [node] : 'children' in node ? secretNodes(node.children) : [],
  );
}

/** The directives of a Content-Security-Policy, by name. */
function cspDirectives(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(content, 'the page declares a CSP in a meta element');
  const decoded = content.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return new Map(
    decoded
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('Editor safety in VS Code (issue 9): trust, plain http, CSP and link commands', () => {
  let local: LocalFluxbase;
  let api: FluxbaseSecretsApi;
  let serviceKey: string;
  let connectionId: string;
  const ownCommands = new Set(readExtensionManifest().commandIds);
  const webviews = new WebviewRecorder();
  const config = () => vscode.workspace.getConfiguration('fluxbaseSecrets');

  before(async function () {
    this.timeout(60_000);
    webviews.start();
    const admin = { email: 'safety-it@example.com', password: 'safety-it-password-1' };
    local = await startLocalFluxbase('safety', admin);
    serviceKey = createKey(local.dataDir, '*');
    const { client } = local;
    await client.secrets.create({ name: 'SAFE_KEY', value: 'v', description: HOSTILE_DESCRIPTION });
    await client.secrets.create({ name: HOSTILE_NAME, value: 'v', description: HOSTILE_DESCRIPTION });
    await client.secrets.create({ name: 'SAFE_KEY', value: 'v', scope: 'namespace', namespace: HOSTILE_NAMESPACE });

    api = await activateExtension();
    connectionId = await configureConnections(api, [
      { name: CONNECTION_NAME, url: local.server.url },
      { name: REMOTE_NAME, url: REMOTE_URL },
    ]);
  });

  after(async () => {
    webviews.stop();
    api?.testing.setUserInput(undefined);
    for (const { panel } of webviews.panels) panel.dispose();
    await removeConnections(connectionId);
    await config().update('connections', undefined, vscode.ConfigurationTarget.Workspace);
    await local?.close();
  });

  it('signs in over plain http to this machine without a warning (loopback never crosses a network)', async () => {
    await runWithAnswers(
      api,
      [pick(/Sign In to Safety IT/, 'Service Key'), text(/Service key/, serviceKey, { password: true })],
      'fluxbaseSecrets.signIn',
      connectionId,
    );
    assert.equal(api.store.connection(connectionId)?.status, 'ready');
  });

  it('asks before sending credentials over plain http to another machine, and asks for none when declined', async () => {
    const remoteId = settingsConnectionId(REMOTE_NAME, REMOTE_URL);
    // The key is asked for only after the warning: declining leaves nothing that could be sent.
    await runWithAnswers(
      api,
      [
        pick(/Sign In to Remote over http/, 'Service Key'),
        choose(/Send credentials to http:\/\/192\.0\.2\.44:8080 unencrypted\?/, CANCEL, /plain http/),
      ],
      'fluxbaseSecrets.signIn',
      remoteId,
    );
    assert.equal(await api.testing.hasStoredCredentials(remoteId), false);
    assert.equal(api.store.clientFor(remoteId), undefined);
  });

  it('ignores workspace-level connections while the workspace is untrusted, so they cannot redirect credentials', async () => {
    const hostile = [
      { name: 'Workspace Evil', url: 'http://attacker.example:8080' },
      { name: CONNECTION_NAME, url: 'http://attacker.example:8081' },
    ];
    const urls = () => api.testing.connections().map((connection) => connection.url);
    const ignoredNotices = (): number =>
      extensionLogText().split('Ignoring fluxbaseSecrets.connections from the workspace settings').length - 1;
    const noticesBefore = ignoredNotices();
    const trust = Object.getOwnPropertyDescriptor(vscode.workspace, 'isTrusted');
    assert.ok(trust?.configurable, 'workspace trust can be simulated');
    Object.defineProperty(vscode.workspace, 'isTrusted', { configurable: true, enumerable: true, get: () => false });
    try {
      await config().update('connections', hostile, vscode.ConfigurationTarget.Workspace);
      // The registry read the new settings when it says so in the log.
      await eventually('the notice that the workspace connections are ignored', () => ignoredNotices() > noticesBefore);
      assert.ok(!urls().some((url) => url.includes('attacker.example')), `untrusted: ${urls().join(', ')}`);
      assert.equal(api.store.connection(connectionId)?.url, local.server.url, 'the signed-in connection keeps its URL');
    } finally {
      Object.defineProperty(vscode.workspace, 'isTrusted', trust as PropertyDescriptor);
    }
    // Control: once trusted, the workspace setting is read (a change makes the registry read it again).
    await config().update('connections', [...hostile].reverse(), vscode.ConfigurationTarget.Workspace);
    await eventually('the trusted workspace connection', () => urls().includes('http://attacker.example:8080'));
    // Even then, a workspace entry with a user connection's name does not replace that connection's URL.
    assert.ok(!urls().includes('http://attacker.example:8081'));
    assert.equal(api.store.connection(connectionId)?.url, local.server.url);
    await config().update('connections', undefined, vscode.ConfigurationTarget.Workspace);
    await eventually('the workspace connection to go', () => !urls().includes('http://attacker.example:8080'));
  });

  it('secret tooltips trust exactly the two own commands, and only those links are active, whatever the names', async () => {
    const nodes = secretNodes(api.testing.tree());
    assert.equal(nodes.length, 3);
    for (const node of nodes) {
      const tooltip = api.testing.resolvedTreeItem(node).tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString, `${node.label} has a markdown tooltip`);
      assert.deepEqual(tooltip.isTrusted, { enabledCommands: OWN_LINK_COMMANDS });
      assert.ok(OWN_LINK_COMMANDS.every((command) => ownCommands.has(command)));
      assert.notEqual(tooltip.supportHtml, true, 'raw HTML is never rendered');
      const links = activeCommandLinks(tooltip.value);
      assert.ok(links.length >= 2, `${node.label}: the history and update links are there`);
      assert.deepEqual(
        links.filter((command) => !OWN_LINK_COMMANDS.includes(command)),
        [],
        `${node.label}:\n${tooltip.value}`,
      );
    }
  });

  it('secret hovers in code trust exactly the two own commands, and only those links are active', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: 'const key = Deno.env.get("FLUXBASE_SECRET_SAFE_KEY");\n',
    });
    const position = new vscode.Position(0, 'const key = Deno.env.get("FLUXBASE_SECRET_'.length + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      position,
    );
    const ours = hovers
      .flatMap((hover) => hover.contents)
      .filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString)
      .filter((content) => content.value.includes('Fluxbase secret'));
    assert.equal(ours.length, 1, 'the extension hovers the reference');
    const [markdown] = ours as [vscode.MarkdownString];
    assert.match(markdown.value, /Namespace/, 'both secrets, with the hostile namespace, are shown');
    assert.deepEqual(markdown.isTrusted, { enabledCommands: OWN_LINK_COMMANDS });
    assert.notEqual(markdown.supportHtml, true);
    const links = activeCommandLinks(markdown.value);
    assert.ok(links.length >= 4, 'history and update links for each secret');
    assert.deepEqual(
      links.filter((command) => !OWN_LINK_COMMANDS.includes(command)),
      [],
      markdown.value,
    );
  });

  it('the history page runs under a strict CSP: nonce-only scripts and styles, nothing else, local files only', async function () {
    this.timeout(150_000);
    // A run that is tried again starts from no panels, so that the command opens new ones.
    for (const { panel } of webviews.panels.splice(0)) panel.dispose();
    const [first, second] = secretNodes(api.testing.tree());
    assert.ok(first && second);
    const refs: SecretRef[] = [first.ref, second.ref];
    for (const ref of refs) {
      await vscode.commands.executeCommand('fluxbaseSecrets.showHistory', ref);
      const page = webviews.panels[webviews.panels.length - 1];
      // The page's script ran under the CSP below: it said ready, and the host answered with the history.
      // (A hidden page does not run, so each is awaited while it is the visible one. A webview's first
      // load registers its service worker, which can take long on a loaded machine.)
      await eventually(
        'the page to receive its history',
        () => page?.messages.some((message) => (message as { type?: string }).type === 'history'),
        60_000,
      );
    }
    assert.equal(webviews.panels.length, 2, 'the command opened one webview panel per secret');
    const nonces: string[] = [];
    for (const { panel } of webviews.panels) {
      const { html, options, cspSource } = panel.webview;
      const csp = cspDirectives(html);
      assert.deepEqual(csp.get('default-src'), ["'none'"]);
      const nonce = /^'nonce-([A-Za-z0-9+/=_-]+)'$/.exec(csp.get('script-src')?.join(' ') ?? '')?.[1];
      assert.ok(nonce && nonce.length >= 22, `script-src is one nonce of at least 128 bits: ${csp.get('script-src')}`);
      nonces.push(nonce);
      assert.deepEqual(csp.get('style-src'), [`'nonce-${nonce}'`]);
      assert.deepEqual(csp.get('font-src'), cspSource.split(/\s+/), 'fonts only from the webview resource origin');
      assert.deepEqual(
        [...csp.keys()].sort(),
        ['default-src', 'font-src', 'script-src', 'style-src'],
        'no directive opens anything else (connect, img, frame, form…)',
      );
      assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
      assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler');
      const allTags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((match) => match[0]);
      // The page's first state is inert data: a JSON block with neither nonce nor source, so that the CSP would
      // refuse to run it whatever a browser thought of its type.
      const isDataBlock = (tag: string): boolean => /^<script type="application\/json" id="first-state">$/.test(tag);
      for (const block of allTags.filter(isDataBlock)) {
        assert.doesNotMatch(block, /nonce|src=/, `${block} is data: no nonce, no source`);
      }
      assert.ok(allTags.filter(isDataBlock).length <= 1, 'at most one data block');
      const tags = allTags.filter((tag) => !isDataBlock(tag));
      assert.ok(tags.length >= 3);
      for (const tag of tags) {
        assert.match(tag, new RegExp(`nonce="${nonce}"`), `${tag} carries the nonce`);
        const source = /(?:src|href)="([^"]+)"/.exec(tag)?.[1] ?? '';
        assert.match(source, /\/(dist|media)\//, `${tag} loads from dist/ or media/`);
      }
      assert.doesNotMatch(
        html,
        /<script(?![^>]*\ssrc=)(?! type="application\/json" id="first-state">)[^>]*>/,
        'no inline script but the data block',
      );
      assert.equal(options.enableScripts, true);
      assert.notEqual(options.enableCommandUris, true, 'the page cannot run commands through links');
      assert.deepEqual(
        options.localResourceRoots?.map((root) => path.basename(root.path)),
        ['dist', 'media'],
      );
    }
    assert.notEqual(nonces[0], nonces[1], 'each page gets a fresh nonce');
  });
});
