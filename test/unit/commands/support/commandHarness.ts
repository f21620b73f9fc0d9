import type { CompareColumnSpec } from '../../../../src/shared/compareProtocol';
import * as assert from 'node:assert/strict';
import type { CommandDeps } from '../../../../src/core/commands/commandDeps';
import { parseCommandArgument } from '../../../../src/core/commandArgument';
import type { CommandId } from '../../../../src/core/commandIds';
import { createCommandTable } from '../../../../src/core/commands/commands';
import type { Clipboard, Notifier, ProgressReporter } from '../../../../src/core/commands/hostPorts';
import { runCommand } from '../../../../src/core/commands/runCommand';
import type { ErrorAction } from '../../../../src/core/commands/errorPresentation';
import type { Connection } from '../../../../src/core/connections/connection';
import type { StoredCredentials } from '../../../../src/core/connections/credentialStore';
import { ExplorerFilter } from '../../../../src/core/explorer/explorerFilter';
import { catalogOverStore } from '../../../../src/core/explorer/storeCatalog';
import type { SecretRef } from '../../../../src/shared/secretRef';
import { settingsConnection } from '../../explorer/support/fakes';
import { storeSetup } from '../../explorer/support/storeSetup';
import { ScriptedUserInput, type Step } from './scriptedUserInput';

/** A port these tests do not reach: any use of it fails the test. */
function notInThisTest<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_target, property) => () => assert.fail(`${name}.${String(property)} is not part of command tests`),
  });
}

/** A message shown through the Notifier. */
export interface Shown {
  level: 'info' | 'warn' | 'error';
  message: string;
  actions: string[];
}

/** Records messages; answers each with `respond` (no click by default). */
export class RecordingNotifier implements Notifier {
  readonly shown: Shown[] = [];
  respond: (shown: Shown) => string | undefined = () => undefined;

  info(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.show('info', message, actions);
  }

  warn(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.show('warn', message, actions);
  }

  error(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.show('error', message, actions);
  }

  private async show(level: Shown['level'], message: string, actions: string[]): Promise<string | undefined> {
    const shown = { level, message, actions };
    this.shown.push(shown);
    return this.respond(shown);
  }
}

/**
 * Everything a command test needs: real store, sessions and command table
 * over a FakeFluxbase per URL, a scripted UserInput, recording notifier,
 * clipboard and progress, and `run(id, arg)` that goes through runCommand as
 * the extension does.
 */
export function commandHarness(
  connections: Connection[] = [settingsConnection('Prod')],
  environmentCredentials?: ReadonlyMap<string, StoredCredentials>,
) {
  const setup = storeSetup(connections, environmentCredentials);
  const notifier = new RecordingNotifier();
  const clipboard: Clipboard & { texts: string[] } = {
    texts: [],
    async writeText(value: string) {
      this.texts.push(value);
    },
  };
  const progress: ProgressReporter & { titles: string[] } = {
    titles: [],
    withProgress(title, task) {
      this.titles.push(title);
      return task();
    },
    withCancellableProgress(title, task) {
      this.titles.push(title);
      return task(() => undefined, { isCancellationRequested: false });
    },
  };
  const filter = new ExplorerFilter();
  let input = new ScriptedUserInput([]);
  const executed: { id: CommandId; arg: unknown }[] = [];
  const actions: ErrorAction[] = [];
  let logsShown = 0;
  const historyShown: SecretRef[] = [];
  const compareOpened: CompareColumnSpec[][] = [];
  const deps: CommandDeps = {
    store: setup.store,
    sessions: setup.sessions,
    registry: setup.registry,
    filter,
    get input() {
      return input;
    },
    notifier,
    clipboard,
    progress,
    clock: setup.clock,
    logger: setup.logger,
    showLogs: () => logsShown++,
    executeCommand: async (id, arg) => {
      executed.push({ id, arg });
      return undefined;
    },
    catalog: catalogOverStore(setup.store),
    editor: notInThisTest('editor'),
    files: notInThisTest('files'),
    templateOutput: notInThisTest('templateOutput'),
    historyPanels: { show: (ref) => void historyShown.push(ref) },
    comparePanels: { open: (columns) => void compareOpened.push(columns) },
  };
  const table = createCommandTable(deps);
  return {
    ...setup,
    deps,
    table,
    notifier,
    clipboard,
    progress,
    filter,
    executed,
    actions,
    historyShown,
    compareOpened,
    get logsShown() {
      return logsShown;
    },
    get input() {
      return input;
    },
    server: setup.serverFor(connections[0]?.url ?? 'https://fluxbase.example.com'),
    /** Scripts the questions of the next command. */
    script(steps: Step[]): ScriptedUserInput {
      input = new ScriptedUserInput(steps);
      return input;
    },
    /** Calls the handler directly with what VS Code would pass (it throws on failure). */
    handler<K extends CommandId>(id: K) {
      return (arg?: unknown) =>
        (table[id] as (parsed: ReturnType<typeof parseCommandArgument>) => Promise<unknown>)(parseCommandArgument(arg));
    },
    /** Runs a command as the extension does: through runCommand, which reports failures. */
    run(id: CommandId, arg?: unknown): Promise<unknown> {
      return runCommand(id, table[id] as (parsed: ReturnType<typeof parseCommandArgument>) => Promise<unknown>, {
        notifier,
        logger: setup.logger,
        onAction: (action) => actions.push(action),
      })(parseCommandArgument(arg));
    },
  };
}
