import type { SecretSummary } from '../api/secretTypes';
import type { Disposable } from '../../shared/disposable';

/** One secret of one signed-in connection. */
export interface CatalogEntry {
  connectionId: string;
  connectionName: string;
  secret: SecretSummary;
}

/** A signed-in connection, listed even when it holds no secret. */
export interface CatalogConnection {
  id: string;
  name: string;
}

/**
 * The port through which the code features see the secrets of every
 * signed-in connection. The composition root implements it over the
 * explorer's store; tests pass a fixed list.
 */
export interface SecretCatalog {
  entries(): readonly CatalogEntry[];
  connections(): readonly CatalogConnection[];
  /** Fires after the entries or connections changed. */
  onDidChange(listener: () => void): Disposable;
}
