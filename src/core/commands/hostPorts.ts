import type { CompareColumnSpec } from '../../shared/compareProtocol';
import type { CodeRange } from '../commandArgument';
import type { CancellationSignal } from '../code/boundedConcurrency';
import type { SecretRef } from '../../shared/secretRef';

/**
 * The ports, besides UserInput, through which command handlers reach the
 * editor. The host implements them with VS Code's window, workspace and env
 * APIs; unit tests pass recording fakes.
 */

/** Non-modal messages. Resolves to the action the person clicked, if any. */
export interface Notifier {
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
}

/** The system clipboard (text only). */
export interface Clipboard {
  writeText(text: string): Promise<void>;
}

/** Reports progress of a running task: a message and how many percent more are done. */
export type ProgressReport = (message: string, increment: number) => void;

/** Shows that a long operation is running while its task runs. */
export interface ProgressReporter {
  withProgress<T>(title: string, task: () => Promise<T>): Promise<T>;
  /** The same with a Cancel button and a progress bar; `signal` says when Cancel was clicked. */
  withCancellableProgress<T>(
    title: string,
    task: (report: ProgressReport, signal: CancellationSignal) => Promise<T>,
  ): Promise<T>;
}

/** A document open in the editor, as the code commands see it. Offsets index `text()`. */
export interface EditorDocument {
  /** The reference template setting of the document's language; undefined means Deno's `Deno.env.get("…")`. */
  referenceTemplate(): string | undefined;
  /** Its path relative to the workspace, for the log. */
  readonly label: string;
  /** Its text now. */
  text(): string;
  /** The selection the command acts on: the code action's range, or the editor's primary selection. */
  readonly selection: { start: number; end: number };
  /** Marks the text between two offsets, to replace it later only if it is unchanged. */
  track(start: number, end: number): TrackedText;
}

/** Text marked in a document. */
export interface TrackedText {
  /** The document is still open and the marked text is what it was. */
  unchanged(): boolean;
  /** Replaces the marked text in one undoable edit; false when the editor refused. */
  replace(text: string): Promise<boolean>;
}

/** The active text editor, for inserting at its cursors. */
export interface ActiveEditor {
  /** The reference template setting of the document's language; undefined means Deno's. */
  referenceTemplate(): string | undefined;
  /** Replaces every selection (inserts at every cursor) in one edit; false when the editor refused. */
  replaceSelections(text: string): Promise<boolean>;
}

/** The text editors. */
export interface EditorPort {
  /** The active editor, undefined when none is. */
  activeEditor(): ActiveEditor | undefined;
  /** The active editor's document with its selection, undefined when none is. */
  activeDocument(): EditorDocument | undefined;
  /** Opens the document of `range`, whose selection is `range`. */
  openRange(range: CodeRange): Promise<EditorDocument>;
}

/** A text file: its host identifier (a URI, opaque to handlers), its base name and its text. */
export interface TextFile {
  uri: string;
  fileName: string;
  text: string;
}

/** The workspace's files, as the `.env` import reads them. */
export interface WorkspaceFiles {
  /** The document of the active editor, unsaved edits included; undefined when none is. */
  activeDocument(): TextFile | undefined;
  /** A file's text: its open document's (unsaved edits included), else what the disk holds. */
  read(uri: string): Promise<TextFile>;
  /** The first workspace folder's URI, undefined when no folder is open. */
  firstFolder(): string | undefined;
  /** The open dialog for one file, starting at `defaultUri`; undefined when dismissed. */
  openFile(options: { title: string; openLabel: string; defaultUri?: string }): Promise<string | undefined>;
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

/** The version-history panels: one per secret. */
/** The Compare Secrets panels, as commands see them. */
export interface ComparePanelsPort {
  /** Opens a panel comparing `columns` (two or more). */
  open(columns: CompareColumnSpec[]): void;
}

export interface HistoryPanelsPort {
  /** Opens the history of `ref`, or reveals the panel that already shows it. */
  show(ref: SecretRef): void;
}

/** The workspace's reference index, as Find References uses it. */
export interface ReferencesPort {
  /** Every place in the workspace that reads `variable` (waits for indexing in progress), in file order. */
  locate(variable: string): Promise<CodeRange[]>;
  /** Opens the references view on these places. */
  show(variable: string, locations: readonly CodeRange[]): Promise<void>;
}
