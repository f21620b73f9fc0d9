import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { closeAfterAll } from './support/closeAfterAll';
import { saveScreenshotsOnFailure } from './support/failureScreenshots';
import { startLocalServer, type LocalServer } from './support/localServer';
import { fillQuickInput, runCommand } from './support/quickInput';
import { openWorkbench, type Workbench } from './support/workbench';
import { showViewContainer, rowLabelled, waitForNotification } from './support/workbenchParts';

const admin = { email: 'cli-profile-ui@example.com', password: 'cli-profile-ui-password-1' };
const timeout = 30_000;

describe('a Fluxbase CLI profile, as a person signs in with it', () => {
  let local: LocalServer | undefined;
  let workbench: Workbench | undefined;
  let home: string | undefined;

  before(async () => {
    local = await startLocalServer('cli-profile-ui', { admin });
    await local.client.secrets.create({ name: 'UI_CLI_SECRET', value: 'cli-value' });
    const credentials = local.client.auth.credentials;
    assert.ok(credentials.type === 'session' && credentials.refreshToken, 'the test client holds a session');
    // A temporary home folder with the file `fluxbase auth login` writes, its token about to expire.
    home = mkdtempSync(path.join(tmpdir(), 'fluxbase-cli-ui-home-'));
    mkdirSync(path.join(home, '.fluxbase'), { mode: 0o700 });
    writeFileSync(
      path.join(home, '.fluxbase', 'config.yaml'),
      [
        'version: "1"',
        'current_profile: ui',
        'profiles:',
        '  ui:',
        '    name: ui',
        `    server: ${local.url}`,
        '    credential_store: file',
        '    credentials:',
        `      access_token: ${credentials.accessToken}`,
        `      refresh_token: ${credentials.refreshToken}`,
        `      expires_at: ${Math.floor(Date.now() / 1000) + 30}`,
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    // The CLI's default place (the test profiles point the setting elsewhere), in the temporary home.
    workbench = await openWorkbench({
      extensionEnv: { HOME: home },
      settings: { 'fluxbaseSecrets.cliConfigPath': '' },
    });
  });

  saveScreenshotsOnFailure(() => workbench);
  closeAfterAll(
    () => workbench,
    () => local,
    () => ({
      close: async () => {
        if (home) {
          rmSync(home, { recursive: true, force: true });
        }
      },
    }),
  );

  it('shows the profile as "CLI: ui" and signs in with "Use the CLI\'s sign-in"', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    await showViewContainer(page, 'Fluxbase');
    await rowLabelled(page, 'CLI: ui').waitFor({ state: 'visible', timeout });

    await runCommand(page, 'Fluxbase Secrets: Sign In');
    await fillQuickInput(page, "Use the CLI's sign-in", {
      prompt: `Use the Fluxbase CLI's sign-in for profile "ui", or sign in another way`,
    });
    await waitForNotification(page, 'Signed in to "CLI: ui"');
    await rowLabelled(page, 'UI_CLI_SECRET').waitFor({ state: 'visible', timeout });
    await rowLabelled(page, 'CLI: ui').filter({ hasText: '1 secret' }).waitFor({ state: 'visible', timeout });
    assert.ok(existsSync(await workbench.screenshot('cli-profile-signed-in')));
  });
});
