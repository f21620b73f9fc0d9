import type * as vscode from 'vscode';
import {
  credentialStorageKey,
  parseStoredCredentials,
  serializeCredentials,
  type CredentialStore,
  type StoredCredentials,
} from '../core/connections/credentialStore';

/** The credential store over VS Code's SecretStorage: one JSON blob per connection, nowhere else. */
export class SecretStorageCredentialStore implements CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(connectionId: string): Promise<StoredCredentials | undefined> {
    return parseStoredCredentials(await this.secrets.get(credentialStorageKey(connectionId)));
  }

  async set(connectionId: string, credentials: StoredCredentials): Promise<void> {
    await this.secrets.store(credentialStorageKey(connectionId), serializeCredentials(credentials));
  }

  async delete(connectionId: string): Promise<void> {
    await this.secrets.delete(credentialStorageKey(connectionId));
  }
}
