/**
 * Registers the demo workspace's functions and jobs on the demo server the
 * way `fluxbase functions sync --namespace N --keep` and `fluxbase jobs
 * sync` do: the top-level `.ts`/`.js` files of each folder (subfolders
 * such as `_shared/` skipped), named by the file name, posted to the sync
 * routes one namespace at a time with a dashboard token. Jobs carry the
 * schedule the CLI reads from `@fluxbase:schedule`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEMO_REGISTRY_FILES, FUNCTIONS_DIR, JOBS_DIR } from './demoRegistryFiles';

interface SyncItem {
  name: string;
  code: string;
  schedule?: string;
}

/** The CLI's job schedule regex (contract part 2, §1.8). */
const SCHEDULE = /@fluxbase:schedule\s+([0-9*,/\- ]+)/;

/** The top-level function or job files of a CLI folder, as the CLI names them. */
export function readCliFolder(folder: string): { name: string; file: string; code: string }[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .map((entry) => ({
      name: entry.name.replace(/\.ts$/, '').replace(/\.js$/, ''),
      file: entry.name,
      code: readFileSync(path.join(folder, entry.name), 'utf8'),
    }));
}

function namespaceOf(folder: string, file: string): string {
  const found = DEMO_REGISTRY_FILES.find((demo) => demo.path === `${folder}/${file}`);
  return found?.namespace ?? 'default';
}

function groups(workspace: string, folder: string, jobs: boolean): Map<string, SyncItem[]> {
  const byNamespace = new Map<string, SyncItem[]>();
  for (const { name, file, code } of readCliFolder(path.join(workspace, folder))) {
    const item: SyncItem = { name, code };
    const schedule = jobs ? SCHEDULE.exec(code)?.[1]?.trim() : undefined;
    if (schedule) item.schedule = schedule;
    const namespace = namespaceOf(folder, file);
    byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), item]);
  }
  return byNamespace;
}

async function post(url: string, accessToken: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { errors?: unknown[] };
  if (response.status !== 200 || (answer.errors?.length ?? 0) > 0) {
    throw new Error(`demo sync ${url} answered ${response.status}: ${JSON.stringify(answer)}`);
  }
}

/** Syncs the workspace's functions and jobs into their namespaces; throws on any refusal. */
export async function syncDemoRegistry(serverUrl: string, accessToken: string, workspace: string): Promise<void> {
  for (const [kind, folder] of [
    ['functions', FUNCTIONS_DIR],
    ['jobs', JOBS_DIR],
  ] as const) {
    for (const [namespace, items] of groups(workspace, folder, kind === 'jobs')) {
      await post(`${serverUrl}/api/v1/admin/${kind}/sync`, accessToken, {
        namespace,
        [kind]: items,
        options: { delete_missing: false },
      });
    }
  }
}
