import { Emitter, type Disposable } from '../../shared/disposable';
import type { CatalogEntry, SecretCatalog } from '../explorer/secretCatalog';
import { indexByVariable } from './variableResolution';

/** The catalog grouped by variable, rebuilt lazily after each catalog change, shared by the providers. */
export class CatalogIndex implements Disposable {
  private cached: Map<string, CatalogEntry[]> | undefined;
  private readonly subscription: Disposable;
  private readonly changed = new Emitter<void>();
  /** Fires after a catalog change, once the index is stale (so listeners read the new state). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly catalog: SecretCatalog) {
    this.subscription = catalog.onDidChange(() => {
      this.cached = undefined;
      this.changed.fire();
    });
  }

  /** Every variable that a secret of a signed-in connection provides, with those secrets. */
  byVariable(): ReadonlyMap<string, readonly CatalogEntry[]> {
    this.cached ??= indexByVariable(this.catalog.entries());
    return this.cached;
  }

  /** How many connections are signed in; unknown variables are only judged when at least one is. */
  signedInConnections(): number {
    return this.catalog.connections().length;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
