import type { Connection } from '../connections/connection';
import type { ConnectionConfig } from '../connections/connectionConfig';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import { DisposableStore, Emitter, type Disposable } from '../../shared/disposable';
import type { CliProfileConnection } from './cliProfileConnections';

/** The CLI profiles as connections (CliProfileSource implements it). */
export interface CliProfileList {
  entries(): readonly CliProfileConnection[];
  onDidChange(listener: () => void): Disposable;
}

/**
 * The profile names the person removed from the view. The host keeps them
 * in a user setting, so the CLI's file is never touched and the person can
 * show a profile again by editing that setting.
 */
export interface HiddenCliProfiles {
  names(): readonly string[];
  hide(profile: string): Promise<void>;
  onDidChange(listener: () => void): Disposable;
}

/**
 * A registry that adds the Fluxbase CLI's profiles after the connections of
 * `base` (environment and settings). Adding goes to `base`; removing a CLI
 * profile hides it (it is read-only), removing anything else goes to `base`.
 */
export class RegistryWithCliProfiles implements ConnectionRegistry, Disposable {
  private readonly changed = new Emitter<void>();
  private readonly disposables = new DisposableStore();

  constructor(
    private readonly base: ConnectionRegistry,
    private readonly profiles: CliProfileList,
    private readonly hidden: HiddenCliProfiles,
  ) {
    this.disposables.add(this.changed);
    const fire = (): void => this.changed.fire();
    this.disposables.add(base.onDidChange(fire));
    this.disposables.add(profiles.onDidChange(fire));
    this.disposables.add(hidden.onDidChange(fire));
  }

  list(): readonly Connection[] {
    return [...this.base.list(), ...this.visibleProfiles().map((entry) => entry.connection)];
  }

  /** The profile entry of a CLI connection that is shown now. */
  profileOf(connectionId: string): CliProfileConnection | undefined {
    return this.visibleProfiles().find((entry) => entry.connection.id === connectionId);
  }

  onDidChange(listener: () => void): Disposable {
    return this.changed.event(listener);
  }

  add(config: ConnectionConfig): Promise<Connection> {
    return this.base.add(config);
  }

  async remove(connectionId: string): Promise<void> {
    const entry = this.profiles.entries().find((candidate) => candidate.connection.id === connectionId);
    if (entry) {
      await this.hidden.hide(entry.profile);
      return;
    }
    await this.base.remove(connectionId);
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private visibleProfiles(): CliProfileConnection[] {
    const hidden = new Set(this.hidden.names());
    return this.profiles.entries().filter((entry) => !hidden.has(entry.profile));
  }
}
