import { isSecretRef, pickRef, type SecretRef } from '../shared/secretRef';

/**
 * What a command was invoked with, parsed once at the one registration site
 * (host/registerCommands.ts) from whatever VS Code passed. Handlers switch on
 * `kind` or use the views below; none of them sees `unknown`.
 */
export type CommandArgument =
  /** The palette, or anything not recognised. */
  | { kind: 'none' }
  /** A key pressed in the focused Secrets view (VS Code passes no row then; see SECRETS_VIEW_KEY_ARGUMENT). */
  | { kind: 'viewKey' }
  /** A row of the Secrets tree: its inline button or context menu pass the node. */
  | { kind: 'treeNode'; node: TreeNodeArgument }
  /** A secret named from elsewhere: a tooltip or hover link, the history page, another command. */
  | { kind: 'secretRef'; ref: SecretRef }
  /** A connection id: a message row's click, the "Sign In" button of an error, another command. */
  | { kind: 'connectionId'; connectionId: string }
  /** A file: the explorer's or the editor's context menu (a `Uri`, as its string form). */
  | { kind: 'file'; uri: string }
  /** The "Move to Fluxbase secret…" code action: a document and a range in it. */
  | { kind: 'codeRange'; range: CodeRange }
  /** What another feature fills in before the create flow starts (the quick fix, the extraction). */
  | { kind: 'prefill'; prefill: CreateSecretPrefill };

/** The fields of a Secrets tree node that commands read (explorerNodes.ts has the full nodes). */
export interface TreeNodeArgument {
  kind: 'connection' | 'scope' | 'namespace' | 'secret' | 'message';
  connectionId?: string;
  /** Of a `scope` node. */
  scope?: 'global' | 'namespaces';
  /** Of a `namespace` node. */
  namespace?: string;
  /** Of a `secret` node. */
  ref?: SecretRef;
}

/** A position in a document, as plain JSON (the code action's argument crosses the command boundary). */
export interface CodePosition {
  line: number;
  character: number;
}

/** A document and a range in it. */
export interface CodeRange {
  uri: string;
  start: CodePosition;
  end: CodePosition;
}

/**
 * What another feature may fill in before the create flow starts (the code
 * features pass a name and a value from the editor). A given `value` skips
 * the value question; a given connection, scope or namespace skips those
 * questions; a given `name` skips the name question when it is free in the
 * chosen scope (the quick fix's name is the one the code already reads),
 * unless `nameSuggested` says it is only a suggestion to edit (Move to
 * Fluxbase Secret); `description` is filled into its box.
 */
export interface CreateSecretPrefill {
  connectionId?: string;
  name?: string;
  value?: string;
  scope?: 'global' | 'namespace';
  namespace?: string;
  description?: string;
  /** The name is a suggestion (from the code around a literal): its question is asked, filled in. */
  nameSuggested?: boolean;
  /** Which feature filled it in, for the create flow's title ("namespace billing from the function"). */
  origin?: CreatePrefillOrigin;
}

/** The features that start the create flow with a prefill. */
export type CreatePrefillOrigin = 'tree' | 'function' | 'quickFix' | 'code' | 'compare';

const PREFILL_ORIGINS: ReadonlySet<unknown> = new Set<CreatePrefillOrigin>([
  'tree',
  'function',
  'quickFix',
  'code',
  'compare',
]);

/** The id of the Secrets view in the Fluxbase container. */
export const SECRETS_VIEW_ID = 'fluxbaseSecrets.secretsView';

/** What the Secrets view's keybindings pass (package.json `contributes.keybindings[].args`). */
export const SECRETS_VIEW_KEY_ARGUMENT = { focusedView: SECRETS_VIEW_ID } as const;

const TREE_NODE_KINDS: ReadonlySet<unknown> = new Set(['connection', 'scope', 'namespace', 'secret', 'message']);

/** The one parser: turns what VS Code passed a command into a CommandArgument. */
export function parseCommandArgument(arg: unknown): CommandArgument {
  if (typeof arg === 'string') {
    return { kind: 'connectionId', connectionId: arg };
  }
  if (typeof arg !== 'object' || arg === null) {
    return { kind: 'none' };
  }
  const value = arg as Record<string, unknown>;
  if (value.focusedView === SECRETS_VIEW_ID) {
    return { kind: 'viewKey' };
  }
  if (TREE_NODE_KINDS.has(value.kind)) {
    return { kind: 'treeNode', node: treeNodeOf(value) };
  }
  if (isSecretRef(arg)) {
    return { kind: 'secretRef', ref: pickRef(arg) };
  }
  if (isSecretRef(value.ref)) {
    return { kind: 'secretRef', ref: pickRef(value.ref) };
  }
  if (isCodeRange(value)) {
    return { kind: 'codeRange', range: { uri: value.uri, start: position(value.start), end: position(value.end) } };
  }
  if (isUri(value)) {
    return { kind: 'file', uri: String(arg) };
  }
  return { kind: 'prefill', prefill: prefillFields(value) };
}

/** Whether the command was run from inside the Secrets view: from a row, or by a key while the view had focus. */
export function ranInSecretsView(arg: CommandArgument): boolean {
  return arg.kind === 'treeNode' || arg.kind === 'viewKey';
}

/** The secret the argument names: a SecretRef, or a secret row's. */
export function secretRefIn(arg: CommandArgument): SecretRef | undefined {
  if (arg.kind === 'secretRef') {
    return arg.ref;
  }
  return arg.kind === 'treeNode' ? arg.node.ref : undefined;
}

/** The connection the argument names: an id, a row's, a SecretRef's or a prefill's. */
export function connectionIdIn(arg: CommandArgument): string | undefined {
  switch (arg.kind) {
    case 'connectionId':
      return arg.connectionId;
    case 'treeNode':
      return arg.node.connectionId;
    case 'secretRef':
      return arg.ref.connectionId;
    case 'prefill':
      return arg.prefill.connectionId;
    default:
      return undefined;
  }
}

/** The prefill of the create flow: a prefill itself, the connection, scope or namespace of a row, or a SecretRef's fields. */
export function prefillIn(arg: CommandArgument): CreateSecretPrefill {
  switch (arg.kind) {
    case 'prefill':
      return arg.prefill;
    case 'secretRef':
      return prefillFields(arg.ref as unknown as Record<string, unknown>);
    case 'treeNode': {
      const { node } = arg;
      const connectionId = node.connectionId;
      if (node.kind === 'scope') {
        return strip({ connectionId, scope: node.scope === 'global' ? 'global' : 'namespace' });
      }
      if (node.kind === 'namespace') {
        return strip({ connectionId, scope: 'namespace', namespace: node.namespace });
      }
      return strip({ connectionId });
    }
    default:
      return {};
  }
}

function treeNodeOf(value: Record<string, unknown>): TreeNodeArgument {
  const text = (key: string): string | undefined => (typeof value[key] === 'string' ? value[key] : undefined);
  const node: TreeNodeArgument = { kind: value.kind as TreeNodeArgument['kind'] };
  const connectionId = text('connectionId');
  const namespace = text('namespace');
  if (connectionId !== undefined) {
    node.connectionId = connectionId;
  }
  if (value.scope === 'global' || value.scope === 'namespaces') {
    node.scope = value.scope;
  }
  if (namespace !== undefined) {
    node.namespace = namespace;
  }
  if (isSecretRef(value.ref)) {
    node.ref = pickRef(value.ref);
  }
  return node;
}

function prefillFields(value: Record<string, unknown>): CreateSecretPrefill {
  const text = (key: string): string | undefined => (typeof value[key] === 'string' ? value[key] : undefined);
  const namespace = text('namespace');
  const scope =
    value.scope === 'global' || value.scope === 'namespace' ? value.scope : namespace ? 'namespace' : undefined;
  return strip({
    connectionId: text('connectionId'),
    name: text('name'),
    value: text('value'),
    scope,
    namespace: scope === 'namespace' ? namespace : undefined,
    description: text('description'),
    nameSuggested: value.nameSuggested === true ? true : undefined,
    origin: PREFILL_ORIGINS.has(value.origin) ? (value.origin as CreatePrefillOrigin) : undefined,
  });
}

function strip(prefill: CreateSecretPrefill): CreateSecretPrefill {
  return Object.fromEntries(Object.entries(prefill).filter(([, value]) => value !== undefined));
}

function isCodeRange(value: Record<string, unknown>): value is Record<string, unknown> & CodeRange {
  return typeof value.uri === 'string' && isPosition(value.start) && isPosition(value.end);
}

function isPosition(value: unknown): value is CodePosition {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { line?: unknown }).line === 'number' &&
    typeof (value as { character?: unknown }).character === 'number'
  );
}

function position(value: CodePosition): CodePosition {
  return { line: value.line, character: value.character };
}

/** A `vscode.Uri` (recognised by shape: core never imports `vscode`); its string form is what the host parses back. */
function isUri(value: Record<string, unknown>): boolean {
  return typeof value.scheme === 'string' && typeof value.path === 'string' && 'fsPath' in value;
}
