import type { CancellationSignal } from './boundedConcurrency';

/**
 * The editor ports that the code features' handlers need besides the
 * explorer's UserInput and Notifier. The host implements them with quick
 * picks, progress notifications and untitled documents; tests pass fakes.
 */

/** One choice of a multi-select pick; `picked` items start checked. */
export interface PickManyItem<T> {
  label: string;
  description?: string;
  detail?: string;
  picked: boolean;
  value: T;
}

/** A pick with check boxes. Rejects with UserCancelledError when dismissed. */
export interface MultiPicker {
  pickMany<T>(items: readonly PickManyItem<T>[], options: { title: string; placeholder?: string }): Promise<T[]>;
}

/** Reports progress of a running task: a message and how many percent more are done. */
export type ProgressReport = (message: string, increment: number) => void;

/** Runs a task under a progress notification that has a Cancel button. */
export interface CancellableProgress {
  run<T>(title: string, task: (report: ProgressReport, signal: CancellationSignal) => Promise<T>): Promise<T>;
}

/** A file in the workspace that a template can be written to. */
export interface WorkspaceFile {
  /** The host's identifier of the file; opaque to handlers. */
  uri: string;
  /** Shown in questions and messages, e.g. `.env.example` or `api/.env.example`. */
  label: string;
  /** A file (or folder) is there already. */
  exists: boolean;
}

/** Where an exported template goes. */
export interface TemplateOutput {
  /** Opens `content` in a new untitled editor. */
  openUntitled(content: string): Promise<void>;
  /** `fileName` in the first workspace folder, as it is now; undefined when no folder is open. */
  workspaceFile(fileName: string): Promise<WorkspaceFile | undefined>;
  /** Writes `content` to `file`, replacing what is there. */
  writeWorkspaceFile(file: WorkspaceFile, content: string): Promise<void>;
  /** Asks where to save (suggesting `fileName`) and writes `content` there; undefined when dismissed. */
  saveAs(fileName: string, content: string): Promise<string | undefined>;
}
