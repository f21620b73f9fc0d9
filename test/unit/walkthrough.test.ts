import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { CONNECT_STEP_ID } from '../../src/core/walkthroughSteps';
import { repoRoot } from '../support/repoRoot';

const run = promisify(execFile);
const listTimeoutMs = 60_000;

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: unknown; svg?: unknown };
  completionEvents?: string[];
}

interface Manifest {
  contributes: {
    commands: { command: string }[];
    views?: Record<string, { id: string }[]>;
    configuration?: { properties: Record<string, unknown> };
    walkthroughs?: { id: string; title: string; description: string; steps: WalkthroughStep[] }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as Manifest;
const walkthrough = manifest.contributes.walkthroughs?.[0];
const steps = walkthrough?.steps ?? [];
const commands = new Set(manifest.contributes.commands.map((command) => command.command));
const views = new Set(
  Object.values(manifest.contributes.views ?? {})
    .flat()
    .map((view) => view.id),
);
const settings = new Set(Object.keys(manifest.contributes.configuration?.properties ?? {}));

/** The command ids of `[label](command:id)` links (with or without `toSide:` or arguments) in markdown. */
function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:(?:toSide:)?([\w.-]+)/g)].map((match) => match[1] ?? '');
}

/** The markdown files the steps show beside them, as package.json names them. */
function markdownMedia(): string[] {
  return steps.map((step) => step.media.markdown ?? '').filter((file) => file !== '');
}

/** The context keys the extension sets: the values of `export const …_CONTEXT = '…'` in src/host. */
function contextKeys(): Set<string> {
  const dir = path.join(repoRoot(), 'src', 'host');
  const keys = new Set<string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const match of text.matchAll(/export const \w+_CONTEXT = '([\w.]+)'/g)) {
      keys.add(match[1] ?? '');
    }
  }
  return keys;
}

/** Why a completion event does not name something this extension contributes, or undefined when it does. */
function unknownTarget(event: string): string | undefined {
  const [kind = '', target = ''] = event.split(/:(.*)/s);
  const known: Record<string, Set<string>> = {
    onCommand: commands,
    onView: views,
    onSettingChanged: settings,
    onContext: contextKeys(),
  };
  const names = known[kind];
  if (!names) {
    return `${event}: only onCommand, onView, onSettingChanged and onContext are checked here`;
  }
  return names.has(target) ? undefined : `${event}: no such ${kind.slice(2).toLowerCase()}`;
}

describe('the Get Started walkthrough in package.json', () => {
  it('has five steps: connect, browse, create, use in code, history', () => {
    assert.ok(walkthrough, 'package.json contributes a walkthrough');
    assert.equal(walkthrough.title, 'Get Started with Fluxbase Secrets');
    assert.deepEqual(
      steps.map((step) => step.id),
      ['connect', 'browse', 'create', 'useInCode', 'history'],
    );
    for (const step of steps) {
      assert.ok(step.title && step.description, `step ${step.id} has a title and a description`);
      // A step description renders **bold** and links, but shows backticks as they are.
      assert.doesNotMatch(step.description, /`/, `step ${step.id} uses **bold**, not code spans`);
    }
  });

  it('links only to commands of contributes.commands, and every step offers one', () => {
    for (const step of steps) {
      const links = commandLinks(step.description);
      assert.ok(links.length > 0, `step ${step.id} has a command button`);
      assert.deepEqual(
        links.filter((id) => !commands.has(id)),
        [],
        `step ${step.id} links to undeclared commands`,
      );
    }
    for (const file of markdownMedia()) {
      const links = commandLinks(readFileSync(path.join(repoRoot(), file), 'utf8'));
      assert.deepEqual(
        links.filter((id) => !commands.has(id)),
        [],
        `${file} links to undeclared commands`,
      );
    }
  });

  it('completes each step on events that name its own commands, views or settings', () => {
    for (const step of steps) {
      const events = step.completionEvents ?? [];
      assert.ok(events.length > 0, `step ${step.id} says what completes it`);
      assert.deepEqual(events.map(unknownTarget).filter(Boolean), [], `step ${step.id}`);
    }
  });

  it('ticks "Connect" once a connection is signed in, not when Add Connection or Sign In merely ran', () => {
    const connect = steps.find((step) => step.id === 'connect');
    assert.deepEqual(connect?.completionEvents, ['onContext:fluxbaseSecrets.anyConnectionSignedIn']);
    assert.ok(contextKeys().has('fluxbaseSecrets.anyConnectionSignedIn'), 'the extension sets that context key');
  });

  it('names the Connect step by the id VS Code gives it (what welcome.markStepComplete takes)', () => {
    const { publisher, name } = JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
    };
    assert.equal(CONNECT_STEP_ID, `${publisher}.${name}#${walkthrough?.id ?? ''}#connect`);
  });

  it('shows markdown media from media/walkthrough that exist and fetch nothing from the internet', () => {
    assert.equal(markdownMedia().length, steps.length, 'every step has markdown media (no images to fetch)');
    for (const file of markdownMedia()) {
      assert.match(file, /^media\/walkthrough\/[\w-]+\.md$/);
      const full = path.join(repoRoot(), file);
      assert.ok(existsSync(full), `${file} exists`);
      const text = readFileSync(full, 'utf8');
      assert.doesNotMatch(text, /!\[|<img|src=|url\(|\]\(https?:/i, `${file} loads no pictures or remote pages`);
    }
  });

  it('has every media file in the packaged file list (vsce ls)', async function () {
    this.timeout(listTimeoutMs);
    const root = repoRoot();
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const { stdout } = await run(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root });
    const packaged = new Set(stdout.split('\n').map((line) => line.trim()));
    assert.deepEqual(
      markdownMedia().filter((file) => !packaged.has(file)),
      [],
    );
  });
});
