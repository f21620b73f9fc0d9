import type * as vscode from 'vscode';
import type { SecretCatalog } from '../../core/explorer/secretCatalog';
import { DisposableStore } from '../../shared/disposable';
import { RegistryCache, type RegistryClient } from '../../core/functions/registryListing';
import type { Logger } from '../../shared/logger';
import { FunctionContexts } from './functionContexts';
import { FunctionStatusBar } from './functionStatusBar';

/** What the function features give the rest of the composition root. */
export interface FunctionFeatures {
  /** Lists each connection's registry beside its secrets: pass as the store's `companion`. */
  registry: RegistryCache;
  /** Which function each document is and where it runs: pass to the code providers. */
  contexts: FunctionContexts;
  statusBar: FunctionStatusBar;
  disposable: vscode.Disposable;
}

/** The companion the store runs beside each list request. */
export function registryCompanion(registry: RegistryCache) {
  return {
    refresh: (connection: { id: string; name: string }, client: RegistryClient) =>
      registry.refresh(connection.id, connection.name, client),
    forget: (connectionId: string) => registry.forget(connectionId),
  };
}

/**
 * Builds the registry cache first (the store needs it as a companion) and,
 * once the catalog exists, the function contexts and the status bar item.
 */
export function createFunctionFeatures(logger: Logger): {
  registry: RegistryCache;
  finish(catalog: SecretCatalog): FunctionFeatures;
} {
  const registry = new RegistryCache(logger);
  return {
    registry,
    finish: (catalog) => {
      const store = new DisposableStore();
      store.add(registry);
      const contexts = store.add(new FunctionContexts(catalog, registry, logger));
      const statusBar = store.add(new FunctionStatusBar(contexts));
      return { registry, contexts, statusBar, disposable: { dispose: () => store.dispose() } };
    },
  };
}
