import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { resolveCliConfigPath } from '../core/cliProfiles/cliConfigPath';
import { CliProfileSource } from '../core/cliProfiles/cliProfileSource';
import { CliSignInLinks } from '../core/cliProfiles/cliSignInLinks';
import type { HiddenCliProfiles } from '../core/cliProfiles/registryWithCliProfiles';
import { DisposableStore, Emitter, type Disposable } from '../shared/disposable';
import type { Logger } from '../shared/logger';
import { vscodeNotifier } from './vscodeHostPorts';

const SECTION = 'fluxbaseSecrets';
const PATH_KEY = 'cliConfigPath';
const HIDDEN_KEY = 'hiddenCliProfiles';

/** The Fluxbase CLI's profiles, wired to the editor: the file they come from, the hidden ones and the linked sign-ins. */
export interface CliProfiles extends Disposable {
  source: CliProfileSource;
  hidden: HiddenCliProfiles;
  links: CliSignInLinks;
}

/**
 * Reads the Fluxbase CLI's `config.yaml` (or the file of the machine-scoped
 * setting `fluxbaseSecrets.cliConfigPath`) and follows it: the file is
 * polled, the setting watched. Only the user's (machine's) value of either
 * setting counts, never a workspace's: an untrusted repository must not
 * point the extension at a file of its choosing.
 */
export function activateCliProfiles(context: vscode.ExtensionContext, logger: Logger): CliProfiles {
  const disposables = new DisposableStore();
  const configuredPath = (): string => {
    const resolved = resolveCliConfigPath(userValue(PATH_KEY), homedir());
    if (resolved.problem) {
      logger.warn(resolved.problem);
    }
    return resolved.path;
  };
  const source = disposables.add(
    new CliProfileSource(configuredPath(), {
      env: process.env,
      logger,
      warn: (message) => void vscodeNotifier.warn(message),
    }),
  );
  const hidden = disposables.add(new SettingHiddenCliProfiles());
  disposables.add(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.${PATH_KEY}`)) {
        void source.usePath(configuredPath());
      }
    }),
  );
  source.watch();
  void source.reload().then(() => {
    const count = source.entries().length;
    if (count > 0) {
      logger.info(`Offering ${count} profile(s) of the Fluxbase CLI from ${source.path}`);
    }
  });
  return {
    source,
    hidden,
    links: new CliSignInLinks(context.secrets, source, logger),
    dispose: () => disposables.dispose(),
  };
}

/** The hidden profile names, in the user setting `fluxbaseSecrets.hiddenCliProfiles`. */
class SettingHiddenCliProfiles implements HiddenCliProfiles, Disposable {
  private readonly changed = new Emitter<void>();
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(`${SECTION}.${HIDDEN_KEY}`)) {
      this.changed.fire();
    }
  });

  readonly onDidChange = this.changed.event;

  names(): readonly string[] {
    const value = userValue(HIDDEN_KEY);
    return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
  }

  async hide(profile: string): Promise<void> {
    if (!this.names().includes(profile)) {
      await vscode.workspace
        .getConfiguration(SECTION)
        .update(HIDDEN_KEY, [...this.names(), profile], vscode.ConfigurationTarget.Global);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** A setting's user (or remote machine) value; workspace values never count. */
function userValue(key: string): unknown {
  return vscode.workspace.getConfiguration(SECTION).inspect<unknown>(key)?.globalValue;
}
