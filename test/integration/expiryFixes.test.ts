import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Secret } from '../../src/core/api/secretTypes';
import type { ExplorerNode, SecretNode } from '../../src/core/explorer/explorerNodes';
import { catalogOverStore } from '../../src/core/explorer/storeCatalog';
import type { FunctionContext } from '../../src/core/functions/functionNamespaces';
import { registerCodeProviders } from '../../src/host/code/registerCodeProviders';
import type { FluxbaseSecretsApi } from '../../src/host/extensionApi';
import { silentLogger } from '../../src/shared/logger';
import { text } from '../unit/commands/support/scriptedUserInput';
import { eventually } from './support/eventually';
import { activateExtension, configureConnections, removeConnections } from './support/extensionUnderTest';
import { startLocalFluxbase, type LocalFluxbase } from './support/localFluxbase';
import { runWithAnswers, signInWithPassword } from './support/scriptedAnswers';

const admin = { email: 'expiry-fixes-it@example.com', password: 'expiry-fixes-it-password-1' };
const CONNECTION_NAME = 'Expiry Fixes IT';
const NAME = 'EXPIRED_FIX_KEY';
const DAY = 24 * 60 * 60 * 1000;

/** Every secret node below `nodes`. */
function secretNodes(nodes: readonly ExplorerNode[]): SecretNode[] {
  return nodes.flatMap((node) =>
    node.kind === 'secret' ? [node] : 'children' in node ? secretNodes(node.children as ExplorerNode[]) : [],
  );
}

describe('expired reference: quick fixes and one severity, in VS Code against the local server', () => {
  let local: LocalFluxbase;
  let api: FluxbaseSecretsApi;
  let connectionId: string;
  let expired: Secret;
  let activeInNamespace: Secret;
  let billing: Secret;
  let document: vscode.TextDocument;

  before(async () => {
    local = await startLocalFluxbase('expiry-fixes', admin);
    expired = await local.client.secrets.create({
      name: NAME,
      value: 'old',
      expires_at: new Date(Date.now() - DAY).toISOString(),
    });
    // The same name, usable, in a namespace: the fix must not touch it.
    activeInNamespace = await local.client.secrets.create({
      name: NAME,
      value: 'fine',
      scope: 'namespace',
      namespace: 'elsewhere',
    });
    // The same name expiring globally and in billing, for a function deployed in billing.
    const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
    await local.client.secrets.create({ name: 'ROTATE_KEY', value: 'g', expires_at: inDays(3) });
    billing = await local.client.secrets.create({
      name: 'ROTATE_KEY',
      value: 'b',
      scope: 'namespace',
      namespace: 'billing',
      expires_at: inDays(2),
    });
    api = await activateExtension();
    connectionId = await configureConnections(api, [{ name: CONNECTION_NAME, url: local.server.url }]);
    await signInWithPassword(api, connectionId, /Sign In to Expiry Fixes IT/, admin);
    document = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: `const key = Deno.env.get("FLUXBASE_SECRET_${NAME}");\n`,
    });
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    api?.testing.setUserInput(undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await removeConnections(connectionId);
    await local?.close();
  });

  async function expiredDiagnostic(): Promise<vscode.Diagnostic> {
    return eventually(
      'the expired reference to be diagnosed',
      () =>
        vscode.languages
          .getDiagnostics(document.uri)
          .find((d) => d.source === 'Fluxbase Secrets' && d.code === 'expiredSecret'),
      20_000,
    );
  }

  async function quickFixes(diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
    return vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
  }

  it('offers "Update value of NAME…" and "Set expiry of NAME…" on the expired secret', async () => {
    const actions = await quickFixes(await expiredDiagnostic());
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes(`Update value of ${NAME}…`), titles.join(', '));
    assert.ok(titles.includes(`Set expiry of ${NAME}…`), titles.join(', '));
    const setExpiry = actions.find((action) => action.title === `Set expiry of ${NAME}…`);
    assert.equal(setExpiry?.command?.command, 'fluxbaseSecrets.setExpiry');
    assert.deepEqual(setExpiry?.command?.arguments, [{ connectionId, id: expired.id, name: NAME, scope: 'global' }]);
  });

  it('the tree icon and Problems show an expired secret with the same severity, following the setting', async () => {
    const config = vscode.workspace.getConfiguration('fluxbaseSecrets');
    const treeIcon = () => {
      const node = secretNodes(api.testing.tree()).find((candidate) => candidate.ref.id === expired.id);
      const icon = node && api.testing.treeItem(node).iconPath;
      return icon instanceof vscode.ThemeIcon ? icon.id : undefined;
    };
    assert.equal((await expiredDiagnostic()).severity, vscode.DiagnosticSeverity.Warning);
    await eventually('the tree to show the expired secret', () => treeIcon());
    assert.equal(treeIcon(), 'warning');
    try {
      await config.update('diagnostics.severity', 'error', vscode.ConfigurationTarget.Global);
      await eventually('Problems to show an error', async () => {
        return (await expiredDiagnostic()).severity === vscode.DiagnosticSeverity.Error;
      });
      await eventually('the tree to show the error icon', () => treeIcon() === 'error');
    } finally {
      await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('"Update value of NAME…" makes a new version of that secret on the server, and only of it', async () => {
    const actions = await quickFixes(await expiredDiagnostic());
    const update = actions.find((action) => action.title === `Update value of ${NAME}…`);
    assert.ok(update?.command, actions.map((action) => action.title).join(', '));
    const updated = await runWithAnswers<Secret>(
      api,
      [text(/The current value cannot be shown\. Saving a new value makes version 2/, 'rotated', { password: true })],
      update.command.command,
      update.command.arguments?.[0],
    );
    assert.equal(updated.id, expired.id);
    assert.equal((await local.client.secrets.getById(expired.id)).version, 2);
    assert.deepEqual(
      (await local.client.secrets.getVersionsById(expired.id)).map((version) => version.version).sort(),
      [1, 2],
    );
    assert.equal(
      (await local.client.secrets.getById(activeInNamespace.id)).version,
      1,
      'the other secret is untouched',
    );
  });

  it("in a function's namespace, the fixes target the namespace secret the function reads, not the global one", async () => {
    // The code features over the extension's own store, with the document as a function deployed in billing.
    const context: FunctionContext = {
      unit: { kind: 'function', name: 'charge-customer', form: 'flat', root: 'fluxbase/functions/charge-customer.ts' },
      connections: [
        { connectionId, connectionName: CONNECTION_NAME, namespaces: [{ namespace: 'billing', source: 'deployed' }] },
      ],
    };
    const functionDocument = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: 'const key = Deno.env.get("FLUXBASE_SECRET_ROTATE_KEY");\n',
    });
    const registration = registerCodeProviders({
      catalog: catalogOverStore(api.store),
      connections: { list: () => api.testing.connections() },
      logger: silentLogger,
      functions: {
        contextFor: (uri) => (uri.toString() === functionDocument.uri.toString() ? context : undefined),
        onDidChange: () => ({ dispose: () => undefined }),
      },
    });
    try {
      const diagnostic = await eventually(
        'the expiring reference to be diagnosed for the function',
        () => vscode.languages.getDiagnostics(functionDocument.uri).find((d) => d.code === 'expiringInNamespace'),
        20_000,
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        functionDocument.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      // The extension's own (namespace-blind) diagnostic offers both secrets, titled with their scope.
      const forFunction = actions.filter((action) => /^(Update value|Set expiry) of ROTATE_KEY…$/.test(action.title));
      assert.deepEqual(
        forFunction.map((action) => [action.title, action.command?.command, action.command?.arguments]),
        [
          [
            'Update value of ROTATE_KEY…',
            'fluxbaseSecrets.updateSecretValue',
            [{ connectionId, id: billing.id, name: 'ROTATE_KEY', scope: 'namespace', namespace: 'billing' }],
          ],
          [
            'Set expiry of ROTATE_KEY…',
            'fluxbaseSecrets.setExpiry',
            [{ connectionId, id: billing.id, name: 'ROTATE_KEY', scope: 'namespace', namespace: 'billing' }],
          ],
        ],
      );
    } finally {
      registration.dispose();
    }
  });
});
