import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import type { CatalogConnection, CatalogEntry, SecretCatalog } from '../../src/core/explorer/secretCatalog';
import { Emitter } from '../../src/shared/disposable';
import { RegistryCache } from '../../src/core/functions/registryListing';
import { silentLogger } from '../../src/shared/logger';
import { registerCodeProviders } from '../../src/host/code/registerCodeProviders';
import { FunctionContexts } from '../../src/host/functions/functionContexts';
import { FunctionStatusBar } from '../../src/host/functions/functionStatusBar';
import { eventually } from './support/eventually';
import { startLocalFluxbase, type LocalFluxbase } from './support/localFluxbase';
import { syncFunctions } from './support/registrySync';

const admin = { email: 'functions-it@example.com', password: 'functions-it-password-1' };
const CONNECTION: CatalogConnection = { id: 'functions-it', name: 'Functions IT' };
const SOURCE = 'Fluxbase Secrets';

/** The catalog over one signed-in client; `reload()` lists the secrets and the registry, then fires. */
class ServerCatalog implements SecretCatalog {
  private current: CatalogEntry[] = [];
  private readonly changed = new Emitter<void>();
  readonly onDidChange = (listener: () => void) => this.changed.event(listener);

  constructor(
    private readonly client: FluxbaseClient,
    private readonly registry: RegistryCache,
  ) {}

  entries(): readonly CatalogEntry[] {
    return this.current;
  }

  connections(): readonly CatalogConnection[] {
    return [CONNECTION];
  }

  async reload(): Promise<void> {
    const [secrets] = await Promise.all([
      this.client.secrets.list(),
      this.registry.refresh(CONNECTION.id, CONNECTION.name, this.client),
    ]);
    this.current = secrets.map((secret) => ({ connectionId: CONNECTION.id, connectionName: CONNECTION.name, secret }));
    this.changed.fire();
  }
}

const CHARGE_TEXT = [
  '// @fluxbase:namespace payments',
  'const stripe = Deno.env.get("FLUXBASE_SECRET_STRIPE_API_KEY");',
  'const slack = Deno.env.get("FLUXBASE_SECRET_SLACK_BOT_TOKEN");',
  'const typing = Deno.env.get("");',
  'export default function handler() { return new Response(String(Boolean(stripe && slack))); }',
  '',
].join('\n');
const RECEIPT_TEXT = 'export default function handler() { return new Response(Deno.env.get("FLUXBASE_URL")); }\n';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function descriptionOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? '' : (item.label.description ?? '');
}

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

describe('function-aware code features in a CLI-shaped workspace, against the local server', () => {
  let local: LocalFluxbase;
  let registry: RegistryCache;
  let catalog: ServerCatalog;
  let contexts: FunctionContexts;
  let statusBar: FunctionStatusBar;
  let registration: vscode.Disposable;
  let document: vscode.TextDocument;
  let functionsDir: string;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration run opens a workspace folder');
    functionsDir = path.join(folder.uri.fsPath, 'fluxbase', 'functions');
    mkdirSync(functionsDir, { recursive: true });
    writeFileSync(path.join(functionsDir, 'charge-customer.ts'), CHARGE_TEXT);
    writeFileSync(path.join(functionsDir, 'send-receipt.ts'), RECEIPT_TEXT);

    local = await startLocalFluxbase('functions', admin);
    await local.client.secrets.create({ name: 'STRIPE_API_KEY', value: 'sk_global' });
    await local.client.secrets.create({
      name: 'STRIPE_API_KEY',
      value: 'sk_b',
      scope: 'namespace',
      namespace: 'billing',
    });
    await local.client.secrets.create({
      name: 'SLACK_BOT_TOKEN',
      value: 'xoxb',
      scope: 'namespace',
      namespace: 'notifications',
    });
    await syncFunctions(local, 'billing', [{ name: 'charge-customer', code: CHARGE_TEXT }]);
    await syncFunctions(local, 'notifications', [{ name: 'send-receipt', code: RECEIPT_TEXT }]);

    registry = new RegistryCache(silentLogger);
    catalog = new ServerCatalog(local.client, registry);
    contexts = new FunctionContexts(catalog, registry, silentLogger);
    statusBar = new FunctionStatusBar(contexts);
    registration = registerCodeProviders({
      catalog,
      connections: { list: () => catalog.connections() },
      functions: contexts,
      logger: silentLogger,
    });
    await catalog.reload();
    const uri = vscode.Uri.file(path.join(functionsDir, 'charge-customer.ts'));
    await contexts.ready(uri);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    registration?.dispose();
    statusBar?.dispose();
    contexts?.dispose();
    registry?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(path.dirname(functionsDir ?? '/nonexistent/x'), { recursive: true, force: true });
    await local?.close();
  });

  it('knows the function and its deployed namespace: the status bar item', async () => {
    const status = await eventually('the status bar item with a namespace', () => {
      const current = statusBar.current();
      return current?.text.includes('·') ? current : undefined;
    });
    assert.equal(status.text, '$(symbol-function) charge-customer · billing');
    assert.match(status.tooltip, /Functions IT: billing \(deployed\)/);
    assert.deepEqual(status.command?.arguments, [
      { kind: 'namespace', connectionId: CONNECTION.id, namespace: 'billing' },
    ]);
  });

  it('diagnoses a notifications-only secret in the billing function, the override, and the dropped annotation', async () => {
    const ours = await eventually('two reference diagnostics', () => {
      const found = vscode.languages
        .getDiagnostics(document.uri)
        .filter((d) => d.source === SOURCE && d.code !== 'namespaceAnnotation');
      return found.length === 2 ? found : undefined;
    });
    const slack = ours.find((d) => d.code === 'notAvailableInNamespace');
    assert.equal(
      slack?.message,
      'FLUXBASE_SECRET_SLACK_BOT_TOKEN is not available to charge-customer in namespace billing: it exists only in notifications',
    );
    assert.equal(slack?.severity, vscode.DiagnosticSeverity.Warning);
    const stripe = ours.find((d) => d.code === 'overriddenInNamespace');
    assert.equal(stripe?.severity, vscode.DiagnosticSeverity.Information);
    assert.match(stripe?.message ?? '', /namespace secret STRIPE_API_KEY \(v1\), which overrides the global one/);
    const annotation = vscode.languages
      .getDiagnostics(document.uri)
      .find((d) => d.source === SOURCE && d.code === 'namespaceAnnotation');
    assert.equal(annotation?.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(document.getText(annotation?.range), '@fluxbase:namespace payments');
    assert.match(annotation?.message ?? '', /every Fluxbase server drops it/);
  });

  it('completes what the function gets first, then runtime variables, then the rest, marked', async () => {
    const line = 3;
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('""') + 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      position,
    );
    const ours = list.items
      .filter((item) => labelOf(item).startsWith('FLUXBASE_') && (item.sortText ?? '').match(/^[012]/))
      .filter((item) => descriptionOf(item) !== '')
      .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    const stripe = ours.findIndex((i) => labelOf(i) === 'FLUXBASE_SECRET_STRIPE_API_KEY');
    const runtime = ours.findIndex((i) => labelOf(i) === 'FLUXBASE_FUNCTION_NAMESPACE');
    const slack = ours.findIndex((i) => labelOf(i) === 'FLUXBASE_SECRET_SLACK_BOT_TOKEN');
    assert.ok(stripe >= 0 && stripe < runtime && runtime < slack, ours.map(labelOf).join());
    assert.equal(descriptionOf(ours[stripe] as vscode.CompletionItem), 'billing (overrides global)');
    assert.equal(descriptionOf(ours[slack] as vscode.CompletionItem), 'not available to this function');
    assert.match(ours[runtime]?.detail ?? '', /namespace/);
  });

  it('hovers with what charge-customer gets in billing first, then the other secrets', async () => {
    const line = 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      new vscode.Position(line, document.lineAt(line).text.indexOf('SLACK')),
    );
    const markdown = hovers.map(markdownOf).find((text) => text.includes('What function')) ?? '';
    const lead = markdown.indexOf('What function charge\\-customer gets:');
    const missing = markdown.indexOf(
      'namespace `billing` (deployed): **not available** — it exists only in `notifications`',
    );
    const rest = markdown.indexOf('Other secrets that provide it:');
    assert.ok(lead >= 0 && missing > lead && rest > missing, markdown);
  });

  it('quick fixes: create in billing with the scope chosen; the annotation actions', async () => {
    const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE);
    const slack = diagnostics.find((d) => d.code === 'notAvailableInNamespace');
    assert.ok(slack, 'the diagnostic is there');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      slack.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const create = actions.find((a) => a.title === 'Create SLACK_BOT_TOKEN in namespace billing…');
    assert.ok(create, actions.map((a) => a.title).join(' | '));
    assert.equal(create.command?.command, 'fluxbaseSecrets.createSecret');
    assert.deepEqual(create.command?.arguments, [
      {
        connectionId: CONNECTION.id,
        name: 'SLACK_BOT_TOKEN',
        scope: 'namespace',
        namespace: 'billing',
        origin: 'function',
      },
    ]);

    const annotationRange = new vscode.Range(0, 3, 0, 10);
    const annotationActions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      annotationRange,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = annotationActions.map((a) => a.title);
    assert.ok(titles.includes('Add payments to the namespace setting'), titles.join(' | '));
    assert.ok(titles.includes('Copy sync command: fluxbase functions sync --namespace payments'), titles.join(' | '));
  });
});
