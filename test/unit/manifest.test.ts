import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_IDS } from '../../src/core/commandIds';
import type { CommandDeps } from '../../src/core/commands/commandDeps';
import { createCommandTable } from '../../src/core/commands/commands';
import { TOOLTIP_COMMANDS } from '../../src/core/explorer/secretTooltip';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus?: Record<string, { command: string; when?: string }[]>;
    views?: Record<string, { id: string }[]>;
    viewsWelcome?: { view: string; contents: string }[];
    configuration?: { properties: Record<string, unknown> };
  };
}

/** package.json, found from the compiled test (out/test/unit) or the source tree alike. */
function manifest(): Manifest {
  for (const root of [join(__dirname, '..', '..', '..'), join(__dirname, '..', '..')]) {
    try {
      return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
    } catch {
      // try the next candidate
    }
  }
  throw new Error('package.json not found');
}

describe('package.json manifest', () => {
  const { contributes } = manifest();
  const declared = contributes.commands.map((command) => command.command);

  it('declares exactly the commands of the one registration table', () => {
    const table = Object.keys(createCommandTable({} as CommandDeps)).sort();
    assert.deepEqual(table, [...COMMAND_IDS].sort(), 'the table has a handler for every command id');
    const missing = COMMAND_IDS.filter((id) => !declared.includes(id));
    assert.deepEqual(missing, [], 'commands missing from package.json');
    const known = new Set<string>(COMMAND_IDS);
    const unknown = declared.filter((id) => !known.has(id));
    assert.deepEqual(unknown, [], 'package.json commands that nothing registers');
    assert.equal(new Set(declared).size, declared.length, 'no command is declared twice');
  });

  it('puts every command in one palette category', () => {
    assert.deepEqual([...new Set(contributes.commands.map((command) => command.category))], ['Fluxbase Secrets']);
  });

  it('refers only to declared commands from menus, the welcome view and tooltips', () => {
    for (const [menu, entries] of Object.entries(contributes.menus ?? {})) {
      for (const entry of entries) {
        assert.ok(declared.includes(entry.command), `${menu} uses undeclared ${entry.command}`);
      }
    }
    for (const welcome of contributes.viewsWelcome ?? []) {
      for (const [, command] of welcome.contents.matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(declared.includes(command!), `viewsWelcome uses undeclared ${command}`);
      }
    }
    for (const command of TOOLTIP_COMMANDS) {
      assert.ok(declared.includes(command), `tooltips link to undeclared ${command}`);
    }
  });

  it('scopes the explorer’s view menus to the Secrets view, which exists', () => {
    const views = Object.values(contributes.views ?? {})
      .flat()
      .map((view) => view.id);
    assert.ok(views.includes('fluxbaseSecrets.secretsView'));
    for (const menu of ['view/title', 'view/item/context']) {
      for (const entry of contributes.menus?.[menu] ?? []) {
        const viewIds = [...(entry.when ?? '').matchAll(/view == ([\w.]+)/g)].map((match) => match[1]);
        assert.ok(viewIds.length > 0, `${menu} entry ${entry.command} names its view`);
        viewIds.forEach((id) => assert.ok(views.includes(id!), `${menu} names unknown view ${id}`));
      }
    }
  });

  it('offers a history entry on secret nodes, inline and in the context menu', () => {
    const history = (contributes.menus?.['view/item/context'] ?? []).filter(
      (entry) => entry.command === 'fluxbaseSecrets.showHistory',
    );
    assert.equal(history.length, 2);
    history.forEach((entry) => assert.match(entry.when ?? '', /viewItem =~ \/\^secret\//));
  });

  it('declares the settings the explorer reads', () => {
    const properties = Object.keys(contributes.configuration?.properties ?? {});
    assert.ok(properties.includes('fluxbaseSecrets.connections'));
    assert.ok(properties.includes('fluxbaseSecrets.refreshIntervalSeconds'));
    assert.ok(properties.includes('fluxbaseSecrets.productionPatterns'));
  });
});
