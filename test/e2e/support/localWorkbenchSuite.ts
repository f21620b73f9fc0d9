import type { FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { closeAfterAll } from './closeAfterAll';
import { saveScreenshotsOnFailure } from './failureScreenshots';
import { startLocalServer, type LocalServer } from './localServer';
import { openWorkbench, type Workbench } from './workbench';

/** What a suite's tests use once its before hook ran. */
export interface StartedWorkbench<T> {
  local: LocalServer;
  client: FluxbaseClient;
  workbench: Workbench;
  /** What `seed` returned. */
  seeded: T;
}

/**
 * The hooks of a UI suite against a local server of its own, in the light
 * theme: before all, starts the server (`name` names its data), lets `seed`
 * write through its client, and opens a workbench whose extension connects
 * through the environment; after a failed test, a screenshot; after all,
 * closes the workbench, then the server. Tests call `started()`, which fails
 * when the before hook did not get that far.
 */
export function localWorkbenchSuite<T = undefined>(
  name: string,
  seed?: (client: FluxbaseClient) => Promise<T>,
): { started(): StartedWorkbench<T> } {
  let local: LocalServer | undefined;
  let workbench: Workbench | undefined;
  let seeded: T | undefined;

  before(async function () {
    this.timeout(180_000);
    local = await startLocalServer(name);
    seeded = await seed?.(local.client);
    workbench = await openWorkbench({
      extensionEnv: local.extensionEnv,
      settings: { 'workbench.colorTheme': 'Default Light Modern' },
    });
  });

  saveScreenshotsOnFailure(() => workbench);

  closeAfterAll(
    () => workbench,
    () => local,
  );

  return {
    started: () => {
      if (!local || !workbench) {
        throw new Error(`the UI suite "${name}" did not start its server and workbench`);
      }
      return { local, client: local.client, workbench, seeded: seeded as T };
    },
  };
}
