import * as assert from 'node:assert/strict';
import { parseCommandArgument, type CreateSecretPrefill } from '../../../src/core/commandArgument';
import { UserFacingError } from '../../../src/core/commands/commandErrors';
import { chooseEnvFile } from '../../../src/core/commands/envFileChoice';
import { extractToSecretCommand } from '../../../src/core/commands/extractToSecret';
import { insertReferenceCommand } from '../../../src/core/commands/insertReference';
import { silentLogger } from '../../../src/shared/logger';
import { isUserCancelled } from '../../../src/core/userInput';
import { entry, summary } from '../code/catalogFixtures';
import { FakeCatalog } from '../code/fakeCatalog';
import { FakeDocument, FakeEditor, FakeFiles } from './support/fakeEditor';
import { pick, ScriptedUserInput } from './support/scriptedUserInput';

const ref = { connectionId: 'local', id: 'i', name: 'stripe_key', scope: 'global' };

describe('Insert Secret Reference (core handler over the editor port)', () => {
  const catalog = new FakeCatalog([entry({ name: 'picked' })]);

  it('inserts the reference of the row’s secret at every cursor, with the language template', async () => {
    const editor = new FakeEditor(new FakeDocument('', { start: 0, end: 0 }, 'env(${variable}) # ${name}'));
    const input = new ScriptedUserInput([]);
    await insertReferenceCommand({ catalog, input, editor })(parseCommandArgument({ kind: 'secret', ref }));
    assert.deepEqual(editor.inserted, ['env(FLUXBASE_SECRET_STRIPE_KEY) # stripe_key']);
  });

  it('asks which secret from the palette, and refuses without an editor or when the editor refuses', async () => {
    const editor = new FakeEditor(new FakeDocument('', { start: 0, end: 0 }));
    const input = new ScriptedUserInput([pick(/Choose the secret/, 'FLUXBASE_SECRET_PICKED')]);
    await insertReferenceCommand({ catalog, input, editor })({ kind: 'none' });
    input.assertDone();
    assert.deepEqual(editor.inserted, ['Deno.env.get("FLUXBASE_SECRET_PICKED")']);

    const none = insertReferenceCommand({
      catalog,
      input: new ScriptedUserInput([]),
      editor: new FakeEditor(undefined),
    });
    await assert.rejects(none(parseCommandArgument(ref)), /Open an editor/);
    editor.refuseInsert = true;
    const refused = insertReferenceCommand({ catalog, input: new ScriptedUserInput([]), editor });
    await assert.rejects(refused(parseCommandArgument(ref)), /refused the edit/);
  });
});

describe('Move to Fluxbase secret (core handler over the editor port)', () => {
  const code = 'const stripeApiKey = "sk_live_abc";\n';
  const cursor = code.indexOf('sk_live');
  const created = (prefill: CreateSecretPrefill) => ({
    connectionId: 'local',
    name: prefill.name ?? 'X',
    secret: { ...summary({ name: prefill.name ?? 'X' }), value: prefill.value ?? '' },
  });

  it('creates the secret prefilled with the literal and replaces the literal by its reference', async () => {
    const document = new FakeDocument(code, { start: cursor, end: cursor });
    const prefills: CreateSecretPrefill[] = [];
    const command = extractToSecretCommand({ editor: new FakeEditor(document), logger: silentLogger }, async (p) => {
      prefills.push(p);
      return created(p);
    });
    await command({ kind: 'none' });
    assert.deepEqual(prefills, [{ value: 'sk_live_abc', name: 'STRIPE_API_KEY', nameSuggested: true, origin: 'code' }]);
    assert.equal(document.text(), 'const stripeApiKey = Deno.env.get("FLUXBASE_SECRET_STRIPE_API_KEY");\n');
  });

  it('opens the document of a code action’s range', async () => {
    const document = new FakeDocument(code, { start: cursor, end: cursor });
    const editor = new FakeEditor(undefined, () => document);
    const range = { uri: 'file:///a.ts', start: { line: 0, character: 22 }, end: { line: 0, character: 22 } };
    await extractToSecretCommand({ editor, logger: silentLogger }, async (p) => created(p))(
      parseCommandArgument(range),
    );
    assert.deepEqual(editor.opened, [range]);
    assert.match(document.text(), /FLUXBASE_SECRET_STRIPE_API_KEY/);
  });

  it('leaves the code as it was when nothing was created, and says so when the code changed or the edit is refused', async () => {
    const document = new FakeDocument(code, { start: cursor, end: cursor });
    const editor = new FakeEditor(document);
    await extractToSecretCommand({ editor, logger: silentLogger }, async () => undefined)({ kind: 'none' });
    assert.equal(document.text(), code);

    const changing = extractToSecretCommand({ editor, logger: silentLogger }, async (p) => {
      document.content = document.content.replace('sk_live_abc', 'sk_live_xyz');
      return created(p);
    });
    await assert.rejects(changing({ kind: 'none' }), /the code changed meanwhile/);

    document.content = code;
    document.refuseEdits = true;
    const refused = extractToSecretCommand({ editor, logger: silentLogger }, async (p) => created(p));
    await assert.rejects(refused({ kind: 'none' }), /the editor refused the edit/);
    assert.equal(document.text(), code);
  });

  it('refuses without an editor, and outside a string', async () => {
    const none = extractToSecretCommand({ editor: new FakeEditor(undefined), logger: silentLogger }, async () => {
      throw new Error('not asked');
    });
    await assert.rejects(none({ kind: 'none' }), /Open the file/);
    const outside = new FakeEditor(new FakeDocument('const a = 1;\n', { start: 3, end: 3 }));
    const refused = extractToSecretCommand({ editor: outside, logger: silentLogger }, async () => {
      throw new Error('not asked');
    });
    await assert.rejects(refused({ kind: 'none' }), UserFacingError);
  });
});

describe('the file the .env import reads', () => {
  const envText = 'A=1\n';

  it('reads the file it was invoked on', async () => {
    const files = new FakeFiles({ 'file:///work/.env.local': envText });
    const file = await chooseEnvFile(files, { kind: 'file', uri: 'file:///work/.env.local' });
    assert.deepEqual(file, { uri: 'file:///work/.env.local', fileName: '.env.local', text: envText });
    assert.deepEqual(files.dialogs, []);
  });

  it('takes the active .env editor from the palette, but asks from a tree row, starting at that file', async () => {
    const active = { uri: 'file:///work/.env', fileName: '.env', text: 'UNSAVED=1\n' };
    const files = new FakeFiles({ 'file:///work/other.env': envText }, active);
    assert.equal((await chooseEnvFile(files, { kind: 'none' })).text, 'UNSAVED=1\n');
    files.picked = 'file:///work/other.env';
    const row = parseCommandArgument({ kind: 'scope', scope: 'global', connectionId: 'local' });
    assert.equal((await chooseEnvFile(files, row)).fileName, 'other.env');
    assert.deepEqual(files.dialogs, [{ title: 'Import .env File', defaultUri: 'file:///work/.env' }]);
  });

  it('asks in the first workspace folder when the active editor is no .env file, and cancels when dismissed', async () => {
    const files = new FakeFiles({}, { uri: 'file:///work/app.ts', fileName: 'app.ts', text: '' });
    await assert.rejects(chooseEnvFile(files, { kind: 'none' }), (error) => isUserCancelled(error));
    assert.deepEqual(files.dialogs, [{ title: 'Import .env File', defaultUri: 'file:///work' }]);
  });
});
