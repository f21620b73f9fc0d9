import * as assert from 'node:assert/strict';
import type { TemplateOutput } from '../../../src/core/code/codePorts';
import { exportEnvTemplate, TEMPLATE_FILE_NAME } from '../../../src/core/code/exportEnvTemplate';
import { UserFacingError } from '../../../src/core/commands/commandErrors';
import type { Notifier } from '../../../src/core/commands/hostPorts';
import { isUserCancelled } from '../../../src/core/userInput';
import { entry } from './catalogFixtures';
import { FakeCatalog } from './fakeCatalog';
import { ScriptedInput, type ScriptedAnswer } from './scriptedInput';

class RecordingOutput implements TemplateOutput {
  readonly opened: string[] = [];
  readonly saved: [string, string][] = [];
  constructor(private readonly saveTo: string | 'dismissed' = 'functions/.env.example') {}
  async openUntitled(content: string) {
    this.opened.push(content);
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
  return { run: exportEnvTemplate({ catalog, input: new ScriptedInput(answers), output, notifier }), output };
}

describe('exportEnvTemplate', () => {
  it('opens the names of the namespace node it was invoked on in an untitled editor', async () => {
    const { run, output } = setup([{ pick: 'Open in an Untitled Editor' }]);
    await run({ kind: 'namespace', namespace: 'payments', connectionId: 'local' });
    assert.equal(output.opened.length, 1);
    assert.match(output.opened[0] ?? '', /^# Fluxbase secrets of the namespace payments of Local\n/);
    assert.match(output.opened[0] ?? '', /\nFLUXBASE_SECRET_NS_ONE=\n/);
    assert.doesNotMatch(output.opened[0] ?? '', /GLOBAL_ONE|OTHER_NS/);
  });

  it('saves the global names as .env.example when asked from the palette', async () => {
    const { run, output } = setup([{ pick: 'Global' }, { pick: `Save as ${TEMPLATE_FILE_NAME}…` }]);
    await run();
    assert.equal(output.saved[0]?.[0], '.env.example');
    assert.match(output.saved[0]?.[1] ?? '', /# first\nFLUXBASE_SECRET_GLOBAL_ONE=\n$/);
  });

  it('treats a dismissed save dialog as a cancellation', async () => {
    const { run } = setup(
      [{ pick: 'Global' }, { pick: `Save as ${TEMPLATE_FILE_NAME}…` }],
      new RecordingOutput('dismissed'),
    );
    await assert.rejects(run(), (error) => isUserCancelled(error));
  });

  it('says so when the scope has no secret', async () => {
    const { run } = setup([]);
    await assert.rejects(run({ kind: 'namespace', namespace: 'empty', connectionId: 'local' }), UserFacingError);
  });
});
