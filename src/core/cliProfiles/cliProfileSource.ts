import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Emitter, type Disposable } from '../../shared/disposable';
import type { Logger } from '../../shared/logger';
import { parseCliConfig, type CliConfig } from './cliConfig';
import {
  cliProfileConnections,
  cliSignInOf,
  selectedCliProfile,
  type CliProfileConnection,
  type CliSignIn,
} from './cliProfileConnections';

/** What CliProfileSource needs from its surroundings. */
export interface CliProfileSourceDeps {
  /** The extension host's environment (FLUXBASE_PROFILE, FLUXBASE_SERVER, FLUXBASE_TOKEN). */
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
  /** Shows a problem of the file to the person; called once per distinct problem. */
  warn(message: string): void;
}

/**
 * The Fluxbase CLI's profiles as connections, read from its `config.yaml`
 * and re-read when the file changes (so a new `fluxbase auth login` shows up
 * without a reload). Only the list is kept between reads; tokens are read
 * from the file at the moment they are used (`readSignIn`). The file is
 * never written.
 */
export class CliProfileSource implements Disposable {
  private readonly changed = new Emitter<void>();
  private current: readonly CliProfileConnection[] = [];
  private lastProblem = '';
  private poll: ReturnType<typeof setInterval> | undefined;

  /** Fires when the list of profile connections changed. */
  readonly onDidChange: (listener: () => void) => Disposable = this.changed.event;

  constructor(
    private filePath: string,
    private readonly deps: CliProfileSourceDeps,
  ) {}

  /** The file read. */
  get path(): string {
    return this.filePath;
  }

  /** The profile connections of the last good read, the selected profile first. */
  entries(): readonly CliProfileConnection[] {
    return this.current;
  }

  /**
   * Reads the file again. A missing file means no profiles; a malformed one
   * gives one warning and keeps the last good list (the CLI may be halfway
   * through writing it).
   */
  async reload(): Promise<void> {
    const read = await this.readConfig();
    if (read === 'missing') {
      this.report('');
      this.publish([]);
      return;
    }
    if (typeof read === 'string') {
      this.report(read);
      return;
    }
    const { entries, problems } = cliProfileConnections(read.config, this.deps.env);
    this.report([...read.problems, ...problems].join('\n'));
    this.publish(entries);
  }

  /** Reads the file now and returns what the CLI would send for the connection; undefined if it has none. */
  async readSignIn(connectionId: string): Promise<CliSignIn | undefined> {
    const read = await this.readConfig();
    if (typeof read === 'string') {
      return undefined;
    }
    const { config } = read;
    const entry = cliProfileConnections(config, this.deps.env).entries.find(
      (candidate) => candidate.connection.id === connectionId,
    );
    const profile = config.profiles.find((candidate) => candidate.name === entry?.profile);
    return profile
      ? cliSignInOf(profile, profile.name === selectedCliProfile(config, this.deps.env), this.deps.env)
      : undefined;
  }

  /** Points the source at another file (the setting changed) and reads it. */
  async usePath(filePath: string): Promise<void> {
    if (filePath === this.filePath) {
      return;
    }
    const watching = this.poll !== undefined;
    this.unwatch();
    this.filePath = filePath;
    this.lastProblem = '';
    if (watching) {
      this.watch();
    }
    await this.reload();
  }

  /**
   * Polls the file's metadata and reads it again when it changed. Polling
   * also works while the file or its folder does not exist yet (before a
   * first `fluxbase auth login`) and through the CLI's rewrites; the
   * baseline is taken now, so any later change is seen.
   */
  watch(intervalMs = 1000): void {
    this.unwatch();
    const filePath = this.filePath;
    let last = fileSignature(() => statSync(filePath));
    let checking = false;
    this.poll = setInterval(() => {
      if (checking) {
        return;
      }
      checking = true;
      void stat(filePath)
        .then(
          (stats) => stats,
          () => undefined,
        )
        .then((stats) => {
          const next = fileSignature(() => stats);
          if (next !== last) {
            last = next;
            return this.reload();
          }
          return undefined;
        })
        .finally(() => {
          checking = false;
        });
    }, intervalMs);
    this.poll.unref?.();
  }

  dispose(): void {
    this.unwatch();
    this.changed.dispose();
  }

  private unwatch(): void {
    if (this.poll !== undefined) {
      clearInterval(this.poll);
      this.poll = undefined;
    }
  }

  /** The parsed file with the problems of its profiles, 'missing', or a problem naming the file. */
  private async readConfig(): Promise<{ config: CliConfig; problems: string[] } | 'missing' | string> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : `${this.filePath}: could not be read (${code})`;
    }
    const parsed = parseCliConfig(text, this.filePath);
    return parsed.ok
      ? { config: parsed.config, problems: parsed.problems }
      : `The Fluxbase CLI configuration is not valid: ${parsed.problem}`;
  }

  private report(problem: string): void {
    if (problem !== '' && problem !== this.lastProblem) {
      this.deps.logger.warn(problem);
      this.deps.warn(problem);
    }
    this.lastProblem = problem;
  }

  private publish(entries: CliProfileConnection[]): void {
    const key = (list: readonly CliProfileConnection[]): string =>
      JSON.stringify(list.map((entry) => [entry.connection.id, entry.current, entry.offer]));
    const same = key(entries) === key(this.current);
    this.current = entries;
    if (!same) {
      this.changed.fire();
    }
  }
}

/** What changes when the file is written, replaced, created or deleted. */
function fileSignature(read: () => { mtimeMs: number; size: number; ino: number } | undefined): string {
  try {
    const stats = read();
    return stats ? `${stats.mtimeMs}:${stats.size}:${stats.ino}` : 'missing';
  } catch {
    return 'missing';
  }
}
