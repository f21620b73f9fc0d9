import * as vscode from 'vscode';
import { UserFacingError } from '../core/commands/commandErrors';
import { settingsConnectionId, type Connection } from '../core/connections/connection';
import { parseConnectionSettings, type ConnectionConfig } from '../core/connections/connectionConfig';
import type { ConnectionRegistry } from '../core/connections/connectionRegistry';
import { DisposableStore, Emitter, type Disposable } from '../shared/disposable';
import type { Logger } from '../shared/logger';

const SECTION = 'fluxbaseSecrets';
const KEY = 'connections';

/**
 * The connections of the `fluxbaseSecrets.connections` setting plus the one
 * the environment offers. User (global) values always count; workspace
 * values only in a trusted workspace, so that an untrusted repository cannot
 * point the extension, and the credentials it would send, at its own server.
 * New connections are written to the user settings.
 */
export class SettingsConnectionRegistry implements ConnectionRegistry, Disposable {
  private readonly changed = new Emitter<void>();
  private readonly disposables = new DisposableStore();
  private connections: readonly Connection[] = [];
  private lastProblems = '';

  constructor(
    private readonly logger: Logger,
    private readonly environment: Connection | undefined,
  ) {
    this.disposables.add(this.changed);
    this.disposables.add(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SECTION}.${KEY}`)) {
          this.reload();
        }
      }),
    );
    this.disposables.add(vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()));
    this.connections = this.read();
  }

  list(): readonly Connection[] {
    return this.connections;
  }

  onDidChange(listener: () => void): Disposable {
    return this.changed.event(listener);
  }

  async add(config: ConnectionConfig): Promise<Connection> {
    const entry: ConnectionConfig = {
      name: config.name,
      url: config.url,
      ...(config.tenant ? { tenant: config.tenant } : {}),
    };
    await this.configuration().update(KEY, [...this.userEntries(), entry], vscode.ConfigurationTarget.Global);
    this.reload();
    const added = this.connections.find(
      (connection) => connection.id === settingsConnectionId(config.name, config.url),
    );
    if (!added) {
      throw new Error(`The connection "${config.name}" was saved but could not be read back from the settings`);
    }
    return added;
  }

  async remove(connectionId: string): Promise<void> {
    const user = this.userEntries();
    const kept = user.filter((entry) => parseConnectionSettings([entry]).connections[0]?.id !== connectionId);
    if (kept.length === user.length) {
      throw new UserFacingError(
        'That connection is not in your user settings; remove it from the workspace settings (.vscode/settings.json).',
      );
    }
    await this.configuration().update(KEY, kept, vscode.ConfigurationTarget.Global);
    this.reload();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private reload(): void {
    const next = this.read();
    const same =
      next.length === this.connections.length &&
      next.every(
        (connection, index) =>
          connection.id === this.connections[index]?.id && connection.tenant === this.connections[index]?.tenant,
      );
    this.connections = next;
    if (!same) {
      this.changed.fire();
    }
  }

  private read(): Connection[] {
    const inspected = this.configuration().inspect<unknown>(KEY);
    const trusted = vscode.workspace.isTrusted;
    const workspaceLayers = [inspected?.workspaceValue, inspected?.workspaceFolderValue];
    if (!trusted && workspaceLayers.some((layer) => layer !== undefined)) {
      this.logger.warn(
        'Ignoring fluxbaseSecrets.connections from the workspace settings: the workspace is not trusted.',
      );
    }
    const parsed = parseConnectionSettings(inspected?.globalValue, ...(trusted ? workspaceLayers : []));
    const problems = parsed.problems.join('\n');
    if (problems !== '' && problems !== this.lastProblems) {
      this.logger.warn(`Problems in fluxbaseSecrets.connections:\n${problems}`);
    }
    this.lastProblems = problems;
    return this.environment ? [this.environment, ...parsed.connections] : parsed.connections;
  }

  private userEntries(): unknown[] {
    const value = this.configuration().inspect<unknown>(KEY)?.globalValue;
    return Array.isArray(value) ? [...(value as unknown[])] : [];
  }

  private configuration(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }
}
