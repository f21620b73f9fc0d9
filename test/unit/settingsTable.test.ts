import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/repoRoot';

interface SettingSchema {
  default?: unknown;
  scope?: string;
}

function declaredSettings(): Record<string, SettingSchema> {
  const manifest = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, SettingSchema> } };
  };
  return manifest.contributes.configuration.properties;
}

/** The rows of the README's "## Settings" table: setting id → the default column, as written. */
function documentedSettings(): Map<string, string> {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const section = readme.split(/^## Settings$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = new Map<string, string>();
  for (const match of section.matchAll(/^\| `([^`]+)` \| `([^`]*)` \|/gm)) {
    rows.set(match[1]!, match[2]!);
  }
  return rows;
}

describe("The README's settings table", () => {
  it('lists exactly the settings package.json declares, with their defaults', () => {
    const declared = declaredSettings();
    const documented = documentedSettings();
    assert.deepEqual([...documented.keys()].sort(), Object.keys(declared).sort());
    for (const [id, schema] of Object.entries(declared)) {
      assert.equal(documented.get(id), JSON.stringify(schema.default), `the default of ${id}`);
    }
  });

  it('keeps the settings that pick files or hide connections out of workspace settings (machine scope)', () => {
    const declared = declaredSettings();
    assert.equal(declared['fluxbaseSecrets.cliConfigPath']?.scope, 'machine');
    assert.equal(declared['fluxbaseSecrets.hiddenCliProfiles']?.scope, 'machine');
  });
});
