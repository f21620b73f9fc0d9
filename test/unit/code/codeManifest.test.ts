import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMAND_FAILURES } from '../../../src/core/commandIds';

/** The code features' commands. */
const CODE_COMMANDS = Object.fromEntries(
  (
    [
      'fluxbaseSecrets.insertReference',
      'fluxbaseSecrets.extractToSecret',
      'fluxbaseSecrets.importEnvFile',
      'fluxbaseSecrets.exportEnvTemplate',
    ] as const
  ).map((id) => [id, COMMAND_FAILURES[id]]),
);
import { repoRoot } from '../../support/repoRoot';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { default?: unknown }> };
  };
}

const manifest = JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as Manifest;

describe('the code features in package.json', () => {
  it('declares every code command, in the extension category', () => {
    for (const id of Object.keys(CODE_COMMANDS)) {
      const command = manifest.contributes.commands.find((c) => c.command === id);
      assert.ok(command, `${id} is not declared`);
      assert.equal(command.category, 'Fluxbase Secrets');
    }
  });

  it('offers the import on .env files in the explorer and extraction in the editor context menu', () => {
    const explorer = manifest.contributes.menus['explorer/context'] ?? [];
    assert.ok(
      explorer.some(
        (m) => m.command === 'fluxbaseSecrets.importEnvFile' && m.when?.includes('resourceFilename =~ /^\\.env/'),
      ),
    );
    const editor = manifest.contributes.menus['editor/context'] ?? [];
    assert.ok(editor.some((m) => m.command === 'fluxbaseSecrets.extractToSecret'));
  });

  it('puts insert reference on secret nodes and export on global and namespace nodes', () => {
    const items = manifest.contributes.menus['view/item/context'] ?? [];
    assert.ok(items.some((m) => m.command === 'fluxbaseSecrets.insertReference' && m.when?.includes('/^secret/')));
    assert.ok(
      items.some(
        (m) => m.command === 'fluxbaseSecrets.exportEnvTemplate' && m.when?.includes('scope\\.global|namespace'),
      ),
    );
  });

  it('declares the settings the code features read, with the defaults they assume', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(properties['fluxbaseSecrets.referenceTemplates']?.default, {});
    assert.deepEqual(properties['fluxbaseSecrets.completionLanguages']?.default, []);
    assert.equal(properties['fluxbaseSecrets.diagnostics.enabled']?.default, true);
    assert.equal(properties['fluxbaseSecrets.diagnostics.severity']?.default, 'warning');
    assert.equal(properties['fluxbaseSecrets.diagnostics.include']?.default, '');
  });
});
