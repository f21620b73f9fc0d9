import type { CatalogConnection, CatalogEntry, SecretCatalog } from '../../../src/core/explorer/secretCatalog';
import { Emitter } from '../../../src/shared/disposable';

/** A catalog whose entries and connections tests set; `set` fires the change event. */
export class FakeCatalog implements SecretCatalog {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = (listener: () => void) => this.changed.event(listener);

  constructor(
    private current: readonly CatalogEntry[] = [],
    private signedIn: readonly CatalogConnection[] = [{ id: 'local', name: 'Local' }],
  ) {}

  entries(): readonly CatalogEntry[] {
    return this.current;
  }

  connections(): readonly CatalogConnection[] {
    return this.signedIn;
  }

  set(entries: readonly CatalogEntry[], connections: readonly CatalogConnection[] = this.signedIn): void {
    this.current = entries;
    this.signedIn = connections;
    this.changed.fire();
  }
}
