import type { CodeRange } from '../../../../src/core/commandArgument';
import type { EditorDocument, EditorPort, TextFile, WorkspaceFiles } from '../../../../src/core/commands/hostPorts';

/** An in-memory document: its text, a selection as offsets, and the edits made to it. */
export class FakeDocument implements EditorDocument {
  readonly label = 'src/app.ts';
  closed = false;
  refuseEdits = false;

  constructor(
    public content: string,
    public selection: { start: number; end: number },
    private readonly template = 'Deno.env.get("${variable}")',
  ) {}

  referenceTemplate(): string {
    return this.template;
  }

  text(): string {
    return this.content;
  }

  track(start: number, end: number) {
    const original = this.content.slice(start, end);
    return {
      unchanged: () => !this.closed && this.content.slice(start, end) === original,
      replace: async (text: string) => {
        if (this.refuseEdits) {
          return false;
        }
        this.content = this.content.slice(0, start) + text + this.content.slice(end);
        return true;
      },
    };
  }
}

/** The editor port over one active FakeDocument (or none) and the documents code ranges open. */
export class FakeEditor implements EditorPort {
  readonly opened: CodeRange[] = [];
  readonly inserted: string[] = [];
  refuseInsert = false;

  constructor(
    public active: FakeDocument | undefined,
    private readonly byRange: (range: CodeRange) => FakeDocument = () => {
      throw new Error('no document for that range');
    },
  ) {}

  activeEditor() {
    const document = this.active;
    if (!document) {
      return undefined;
    }
    return {
      referenceTemplate: () => document.referenceTemplate(),
      replaceSelections: async (text: string) => {
        this.inserted.push(text);
        return !this.refuseInsert;
      },
    };
  }

  activeDocument(): EditorDocument | undefined {
    return this.active;
  }

  async openRange(range: CodeRange): Promise<EditorDocument> {
    this.opened.push(range);
    return this.byRange(range);
  }
}

/** Workspace files in memory; records the open dialogs it was asked to show and answers them with `picked`. */
export class FakeFiles implements WorkspaceFiles {
  readonly dialogs: { title: string; defaultUri?: string }[] = [];
  picked: string | undefined;

  constructor(
    readonly files: Record<string, string>,
    public active: TextFile | undefined = undefined,
    public folder: string | undefined = 'file:///work',
  ) {}

  activeDocument(): TextFile | undefined {
    return this.active;
  }

  async read(uri: string): Promise<TextFile> {
    const text = this.files[uri];
    if (text === undefined) {
      throw new Error(`no file ${uri}`);
    }
    return { uri, fileName: uri.slice(uri.lastIndexOf('/') + 1), text };
  }

  firstFolder(): string | undefined {
    return this.folder;
  }

  async openFile(options: { title: string; openLabel: string; defaultUri?: string }): Promise<string | undefined> {
    this.dialogs.push({ title: options.title, ...(options.defaultUri ? { defaultUri: options.defaultUri } : {}) });
    return this.picked;
  }
}
