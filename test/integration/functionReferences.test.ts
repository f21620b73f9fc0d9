import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CodeRange } from '../../src/core/commandArgument';
import type { ExplorerNode, SecretNode } from '../../src/core/explorer/explorerNodes';
import type { FluxbaseSecretsApi } from '../../src/host/extensionApi';
import { text } from '../unit/commands/support/scriptedUserInput';
import { isHostToWebviewMessage, type HostToWebviewMessage } from '../../src/shared/historyProtocol';
import { eventually } from './support/eventually';
import { WebviewRecorder } from './support/webviewRecorder';
import { activateExtension, configureConnections, removeConnections } from './support/extensionUnderTest';
import { startLocalFluxbase, type LocalFluxbase } from './support/localFluxbase';
import { syncFunctions } from './support/registrySync';
import { runWithAnswers, signInWithPassword } from './support/scriptedAnswers';

const admin = { email: 'references-it@example.com', password: 'references-it-password-1' };
const CONNECTION_NAME = 'References IT';
const SOURCE = 'Fluxbase Secrets';

const CHARGE_TEXT = [
  'import { stripe } from "./_shared/stripe.ts";',
  'const key = Deno.env.get("FLUXBASE_SECRET_STRIPE_API_KEY");',
  'const hook = Deno.env.get("FLUXBASE_SECRET_NEW_WEBHOOK_SECRET");',
  'export default function handler() { return new Response(String(Boolean(key && hook && stripe))); }',
  '',
].join('\n');
const SHARED_TEXT = 'export const stripe = Deno.env.get("FLUXBASE_SECRET_STRIPE_API_KEY");\n';
const RECEIPT_TEXT = 'export default function handler() { return new Response("sent"); }\n';
const VENDORED_TEXT = 'export const leak = Deno.env.get("FLUXBASE_SECRET_UNUSED_KEY");\n';

/** Every secret row of the tree, depth first. */
function secretRows(nodes: readonly ExplorerNode[]): SecretNode[] {
  return nodes.flatMap((node) =>
    node.kind === 'secret' ? [node] : 'children' in node ? secretRows(node.children as ExplorerNode[]) : [],
  );
}

function tooltipOf(api: FluxbaseSecretsApi, node: SecretNode): string {
  const tooltip = api.testing.resolvedTreeItem(node).tooltip;
  return tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip ?? '');
}

describe('where each secret is used, and the create fix of a billing function, in the running extension', () => {
  let local: LocalFluxbase;
  let api: FluxbaseSecretsApi;
  let connectionId: string;
  let folder: string;
  const written: string[] = [];

  function write(relative: string, content: string): vscode.Uri {
    const file = path.join(folder, ...relative.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    written.push(relative.split('/')[0] as string);
    return vscode.Uri.file(file);
  }

  function row(name: string, namespace?: string): SecretNode {
    const found = secretRows(api.testing.tree()).find(
      (node) => node.ref.name === name && node.ref.namespace === namespace,
    );
    assert.ok(found, `the tree has ${name}${namespace ? ` in ${namespace}` : ''}`);
    return found;
  }

  before(async () => {
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspaceFolder, 'the integration run opens a workspace folder');
    folder = workspaceFolder.uri.fsPath;
    write('fluxbase/functions/charge-customer.ts', CHARGE_TEXT);
    write('fluxbase/functions/_shared/stripe.ts', SHARED_TEXT);
    write('fluxbase/functions/send-receipt.ts', RECEIPT_TEXT);
    write('node_modules/vendored/index.ts', VENDORED_TEXT);

    local = await startLocalFluxbase('references', admin);
    await local.client.secrets.create({ name: 'STRIPE_API_KEY', value: 'sk_global' });
    await local.client.secrets.create({ name: 'UNUSED_KEY', value: 'u' });
    await local.client.secrets.create({
      name: 'SLACK_BOT_TOKEN',
      value: 'xoxb',
      scope: 'namespace',
      namespace: 'notifications',
    });
    await syncFunctions(local, 'billing', [{ name: 'charge-customer', code: CHARGE_TEXT }]);
    await syncFunctions(local, 'notifications', [{ name: 'send-receipt', code: RECEIPT_TEXT }]);

    api = await activateExtension();
    connectionId = await configureConnections(api, [{ name: CONNECTION_NAME, url: local.server.url }]);
    await signInWithPassword(api, connectionId, /Sign In to References IT/, admin);
    await api.testing.referencesIndexed();
  });

  after(async () => {
    api?.testing.setUserInput(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeConnections(connectionId);
    for (const top of new Set(written)) {
      rmSync(path.join(folder, top), { recursive: true, force: true });
    }
    await local?.close();
  });

  it("a secret's tooltip lists the function and shared module that read it; an unread one says so in words", async () => {
    const stripe = await eventually('STRIPE_API_KEY read by charge-customer in its tooltip', () => {
      const node = row('STRIPE_API_KEY');
      return tooltipOf(api, node).includes('function `charge-customer`') ? node : undefined;
    });
    assert.match(
      tooltipOf(api, stripe),
      /Read in this workspace by function `charge-customer`, shared module `fluxbase\/functions\/_shared\/stripe\.ts`\./,
    );
    // node_modules is in search.exclude: the vendored file that reads UNUSED_KEY is not indexed.
    assert.match(tooltipOf(api, row('UNUSED_KEY')), /\*\*No reference in this workspace\.\*\*/);
  });

  it('the history page of a secret lists the function and shared module that read it', async () => {
    const recorder = new WebviewRecorder();
    recorder.start();
    try {
      await vscode.commands.executeCommand('fluxbaseSecrets.showHistory', row('STRIPE_API_KEY'));
      const view = await eventually('the history state on the page', () => {
        const message = recorder.panels
          .at(-1)
          ?.messages.find(
            (m): m is Extract<HostToWebviewMessage, { type: 'history' }> =>
              isHostToWebviewMessage(m) && m.type === 'history',
          );
        return message?.view;
      });
      assert.deepEqual(view.usage, {
        indexed: true,
        readers: [
          { kind: 'function', name: 'charge-customer', path: 'fluxbase/functions/charge-customer.ts', references: 1 },
          {
            kind: 'shared',
            name: 'fluxbase/functions/_shared/stripe.ts',
            path: 'fluxbase/functions/_shared/stripe.ts',
            references: 1,
          },
        ],
      });
    } finally {
      recorder.stop();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('follows creates, renames and deletes of files incrementally', async () => {
    const job = write('fluxbase/jobs/nightly.ts', 'const k = Deno.env.get("FLUXBASE_SECRET_UNUSED_KEY");\n');
    await eventually(
      'the new job in the tooltip',
      () => tooltipOf(api, row('UNUSED_KEY')).includes('Read in this workspace by'),
      20_000,
    );
    const moved = vscode.Uri.file(path.join(folder, 'scripts', 'nightly.ts'));
    written.push('scripts');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(job, moved);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually(
      'the renamed file as a plain file',
      () => tooltipOf(api, row('UNUSED_KEY')).includes('file `scripts/nightly.ts`'),
      20_000,
    );
    const remove = new vscode.WorkspaceEdit();
    remove.deleteFile(moved);
    assert.ok(await vscode.workspace.applyEdit(remove));
    await eventually(
      'no reference after the delete',
      () => tooltipOf(api, row('UNUSED_KEY')).includes('No reference in this workspace'),
      20_000,
    );
  });

  it('Find References from a tree row opens the references on every place that reads the secret', async () => {
    const places = await vscode.commands.executeCommand<CodeRange[]>(
      'fluxbaseSecrets.findReferences',
      row('STRIPE_API_KEY'),
    );
    // Each place is the variable in the document VS Code holds for the file (an earlier suite may have
    // left a model of the same path with other text: the places follow the document the user sees).
    const shown = await Promise.all(
      places.map(async (place) => {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(place.uri));
        const range = new vscode.Range(place.start.line, place.start.character, place.end.line, place.end.character);
        return [path.relative(folder, document.uri.fsPath).split(path.sep).join('/'), document.getText(range)];
      }),
    );
    assert.deepEqual(shown, [
      ['fluxbase/functions/_shared/stripe.ts', 'FLUXBASE_SECRET_STRIPE_API_KEY'],
      ['fluxbase/functions/charge-customer.ts', 'FLUXBASE_SECRET_STRIPE_API_KEY'],
    ]);
    await eventually('the first place open in the editor', () =>
      vscode.window.activeTextEditor?.document.uri.fsPath.endsWith(path.join('_shared', 'stripe.ts')),
    );
  });

  it('the unknown secret of the billing function: "Create secret … in namespace billing" creates it there without asking the scope', async () => {
    const uri = vscode.Uri.file(path.join(folder, 'fluxbase', 'functions', 'charge-customer.ts'));
    await api.testing.functionLayoutReady(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const status = await eventually('the status bar item with billing', () => {
      const current = api.testing.functionStatus();
      return current?.text.includes('·') ? current : undefined;
    });
    assert.equal(status.text, '$(symbol-function) charge-customer · billing');
    const unknown = await eventually('the unknown secret diagnostic', () =>
      vscode.languages
        .getDiagnostics(uri)
        .find((d) => d.source === SOURCE && d.code === 'unknownSecret' && d.message.includes('NEW_WEBHOOK_SECRET')),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      unknown.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const creates = actions.filter((a) => a.command?.command === 'fluxbaseSecrets.createSecret');
    assert.deepEqual(
      creates.map((a) => a.title),
      ['Create secret NEW_WEBHOOK_SECRET in namespace billing…'],
      'one create, in the function namespace',
    );
    const fix = creates[0] as vscode.CodeAction;
    await runWithAnswers(
      api,
      [
        // the scope, the namespace and the name come from the fix: the flow starts at the value
        text(
          /\(step 1\/3\) · namespace billing, name NEW_WEBHOOK_SECRET from the function .*Value of NEW_WEBHOOK_SECRET/,
          'whsec_it',
          {
            password: true,
          },
        ),
        text(/Description/, ''),
        text(/Expiry/, ''),
      ],
      fix.command?.command ?? '',
      fix.command?.arguments?.[0],
    );
    const onServer = await local.client.secrets.list({ namespace: 'billing' });
    assert.deepEqual(
      onServer.filter((s) => s.name === 'NEW_WEBHOOK_SECRET').map((s) => [s.scope, s.namespace]),
      [['namespace', 'billing']],
    );
    await eventually(
      'the diagnostic gone once the secret exists in billing',
      () => !vscode.languages.getDiagnostics(uri).some((d) => d.message.includes('NEW_WEBHOOK_SECRET')),
      20_000,
    );
  });
});
