import * as assert from 'node:assert/strict';
import { parseCommandArgument } from '../../../src/core/commandArgument';
import { UserFacingError } from '../../../src/core/commands/commandErrors';
import {
  exportEnvTemplateCommand,
  TEMPLATE_FILE_NAME,
  type ExportEnvTemplateDeps,
} from '../../../src/core/commands/exportEnvTemplate';
import type { Notifier, TemplateOutput, WorkspaceFile } from '../../../src/core/commands/hostPorts';
import { isUserCancelled } from '../../../src/core/userInput';
import { entry } from '../code/catalogFixtures';
import { FakeCatalog } from '../code/fakeCatalog';
import { catalogDeps } from './support/catalogDeps';
import { answers, ScriptedUserInput, type ScriptedAnswer } from './support/scriptedUserInput';

/** The one scripted-input double, from short answers. */
const scripted = (list: ScriptedAnswer[]) => new ScriptedUserInput(answers(list));

/** A template output over an in-memory workspace folder (or none), recording what it was asked to do. */
class RecordingOutput implements TemplateOutput {
  readonly opened: string[] = [];
  readonly saved: [string, string][] = [];
  readonly written = new Map<string, string>();
  constructor(
    private readonly saveTo: string | 'dismissed' = 'functions/.env.example',
    /** The workspace folder's files; null: no folder is open. */
    readonly folder: Map<string, string> | null = new Map(),
  ) {}
  async openUntitled(content: string) {
    this.opened.push(content);
  }
  async workspaceFile(fileName: string): Promise<WorkspaceFile | undefined> {
    return this.folder
      ? { uri: `file:///ws/${fileName}`, label: fileName, exists: this.folder.has(fileName) }
      : undefined;
  }
  async writeWorkspaceFile(file: WorkspaceFile, content: string) {
    this.folder?.set(file.label, content);
    this.written.set(file.uri, content);
  }
  async saveAs(fileName: string, content: string) {
    this.saved.push([fileName, content]);
    return this.saveTo === 'dismissed' ? undefined : this.saveTo;
  }
}

const notifier: Notifier = { info: async () => undefined, warn: async () => undefined, error: async () => undefined };

const catalog = new FakeCatalog([
  entry({ name: 'GLOBAL_ONE', description: 'first' }),
  entry({ name: 'ns_one', scope: 'namespace', namespace: 'payments' }),
  entry({ name: 'OTHER_NS', scope: 'namespace', namespace: 'jobs' }),
]);

function setup(answers: ScriptedAnswer[], output = new RecordingOutput()) {
  const input = scripted(answers);
  const infos: string[] = [];
  const recordingNotifier: Notifier = { ...notifier, info: async (message) => void infos.push(message) };
  return { run: exportEnvTemplate({ catalog, input, output, notifier: recordingNotifier }), output, input, infos };
}

/** The export command over what VS Code passes, read by the one argument parser. */
function exportEnvTemplate(
  deps: Omit<ExportEnvTemplateDeps, 'templateOutput' | 'registry' | 'store'> & { output: TemplateOutput },
) {
  const command = exportEnvTemplateCommand({ ...deps, templateOutput: deps.output, ...catalogDeps(deps.catalog) });
  return (arg?: unknown) => command(parseCommandArgument(arg));
}

const SAVE_TO_WORKSPACE = `Save to ${TEMPLATE_FILE_NAME}`;

describe('exportEnvTemplate', () => {
  it('opens the names of the namespace node it was invoked on in an untitled editor', async () => {
    const { run, output } = setup([{ pick: 'Open in an Untitled Editor' }]);
    await run({ kind: 'namespace', namespace: 'payments', connectionId: 'local' });
    assert.equal(output.opened.length, 1);
    assert.match(output.opened[0] ?? '', /^# Fluxbase secrets of the namespace payments of Local\n/);
    assert.match(output.opened[0] ?? '', /\nFLUXBASE_SECRET_NS_ONE=\n/);
    assert.doesNotMatch(output.opened[0] ?? '', /GLOBAL_ONE|OTHER_NS/);
  });

  it('writes the global names to .env.example in the workspace folder when asked from the palette', async () => {
    const { run, output, input, infos } = setup([{ pick: 'Global' }, { pick: SAVE_TO_WORKSPACE }]);
    await run();
    assert.deepEqual(input.questions[1]?.labels, [SAVE_TO_WORKSPACE, 'Save As…', 'Open in an Untitled Editor']);
    assert.match(output.folder?.get('.env.example') ?? '', /# first\nFLUXBASE_SECRET_GLOBAL_ONE=\n$/);
    assert.deepEqual(infos, ['Saved the names of the global scope of Local to .env.example.']);
    assert.ok(input.done);
  });

  it('asks before replacing a .env.example that is there, and keeps it when not confirmed', async () => {
    const kept = new RecordingOutput(undefined, new Map([['.env.example', 'MINE=1\n']]));
    const refused = setup([{ pick: 'Global' }, { pick: SAVE_TO_WORKSPACE }, 'cancel'], kept);
    await assert.rejects(refused.run(), (error) => isUserCancelled(error));
    assert.equal(refused.input.questions[2]?.title, '.env.example exists. Replace it?');
    assert.equal(kept.folder?.get('.env.example'), 'MINE=1\n');
    assert.equal(kept.written.size, 0);

    const replaced = setup([{ pick: 'Global' }, { pick: SAVE_TO_WORKSPACE }, { choose: 'Replace' }], kept);
    await replaced.run();
    assert.match(kept.folder?.get('.env.example') ?? '', /^FLUXBASE_SECRET_GLOBAL_ONE=$/m);
  });

  it('asks before replacing a .env.example that appeared while the destination was being chosen', async () => {
    const output = new RecordingOutput();
    const input = scripted([{ pick: 'Global' }, { pick: SAVE_TO_WORKSPACE }, 'cancel']);
    const pick = input.pick.bind(input);
    input.pick = async (items, options) => {
      output.folder?.set('.env.example', 'WRITTEN_MEANWHILE=1\n');
      return pick(items, options);
    };
    await assert.rejects(exportEnvTemplate({ catalog, input, output, notifier })(), (error) => isUserCancelled(error));
    assert.equal(output.folder?.get('.env.example'), 'WRITTEN_MEANWHILE=1\n');
  });

  it('saves through the save dialog, and offers no workspace file without a folder', async () => {
    const { run, output, input } = setup(
      [{ pick: 'Global' }, { pick: 'Save As…' }],
      new RecordingOutput(undefined, null),
    );
    await run();
    assert.deepEqual(input.questions[1]?.labels, ['Save As…', 'Open in an Untitled Editor']);
    assert.equal(output.saved[0]?.[0], '.env.example');
    assert.match(output.saved[0]?.[1] ?? '', /# first\nFLUXBASE_SECRET_GLOBAL_ONE=\n$/);
  });

  it('treats a dismissed save dialog as a cancellation', async () => {
    const { run } = setup([{ pick: 'Global' }, { pick: 'Save As…' }], new RecordingOutput('dismissed'));
    await assert.rejects(run(), (error) => isUserCancelled(error));
  });

  it('says so when the scope has no secret', async () => {
    const { run } = setup([]);
    await assert.rejects(run({ kind: 'namespace', namespace: 'empty', connectionId: 'local' }), UserFacingError);
  });

  it('leaves out names that cannot be .env keys and warns naming them; refuses when none can', async () => {
    const hostile = 'x\nEVIL=1 [a](command:workbench.action.quit)';
    const mixed = new FakeCatalog([
      entry({ name: 'fine', scope: 'namespace', namespace: 'n' }),
      entry({ name: hostile, scope: 'namespace', namespace: 'n' }),
      entry({ name: 'x"y', scope: 'namespace', namespace: 'only-hostile' }),
    ]);
    const output = new RecordingOutput();
    const warnings: string[] = [];
    const input = scripted([{ pick: 'Open in an Untitled Editor' }]);
    const warning: Notifier = { ...notifier, warn: async (message) => void warnings.push(message) };
    const run = exportEnvTemplate({ catalog: mixed, input, output, notifier: warning });
    await run({ kind: 'namespace', namespace: 'n', connectionId: 'local' });
    assert.doesNotMatch(output.opened[0] ?? '', /EVIL|command/);
    assert.match(output.opened[0] ?? '', /\nFLUXBASE_SECRET_FINE=\n/);
    assert.deepEqual(warnings, [
      'Left out of the template (only letters, digits and _ make a .env key): ' +
        '"x\\nEVIL=1 \\u005ba\\u005d\\u0028command:workbench.action.quit\\u0029".',
    ]);
    await assert.rejects(
      run({ kind: 'namespace', namespace: 'only-hostile', connectionId: 'local' }),
      (error: Error) =>
        error instanceof UserFacingError && error.message.startsWith('Secret "x\\"y" cannot be written as a .env key'),
    );
  });
});
