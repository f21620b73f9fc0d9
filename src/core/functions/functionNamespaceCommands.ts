import { UserFacingError } from '../commands/commandErrors';
import type { Clipboard, Notifier } from '../commands/hostPorts';
import type { UserInput } from '../userInput';
import type { RunnableUnit } from './codeUnit';
import type { FunctionContext } from './functionNamespaces';
import { withDeclaredNamespaces, type NamespaceMapping } from './declaredNamespaces';
import { syncCommand } from './namespaceAnnotation';

/** The active editor's function or job, and the namespace setting of its workspace folder. */
export interface ActiveFunction {
  unit: RunnableUnit;
  /** The folder's mapping as the settings hold it now (read again after a question: it may have changed meanwhile). */
  readMapping(): NamespaceMapping;
  /** Writes the folder's whole mapping back. */
  writeMapping(mapping: Record<string, string | string[]>): Promise<void>;
}

/** How the commands find the active function; the host implements it over the active editor. */
export interface ActiveFunctionPort {
  /** Undefined when the active file is not a function or job of the functions or jobs directory. */
  activeFunction(): Promise<ActiveFunction | undefined>;
  /** Where the active file's code runs (shared modules included), from the cache; undefined for other files. */
  activeContext(): FunctionContext | undefined;
  /** The same for the document with this URI (its string form). */
  contextOf(uri: string): FunctionContext | undefined;
}

/** What `setFunctionNamespaces` needs. */
export interface FunctionNamespaceDeps {
  input: UserInput;
  notifier: Notifier;
  functions: ActiveFunctionPort;
}

const TITLE = 'Set Function Namespaces';
const NAMESPACE_WORD = /^[^\s,]+$/;

/**
 * "Set Function Namespaces…": writes the namespaces of the active function
 * or job (its flat file or `<name>/` directory) into
 * `fluxbaseSecrets.functions.namespaces`. Asks with the declared ones
 * filled in (comma-separated; empty removes the entry), unless `add` names
 * one to add, as the annotation's "Add to the namespace setting" does.
 * Resolves with the namespaces now declared.
 */
export async function setFunctionNamespaces(deps: FunctionNamespaceDeps, add?: string): Promise<string[]> {
  const active = await deps.functions.activeFunction();
  if (!active) {
    throw new UserFacingError(
      'Open a function or job first: a file of fluxbase/functions/ or functions/ (or fluxbase/jobs/, jobs/).',
    );
  }
  const { unit } = active;
  const current = [...(active.readMapping()[unit.root] ?? [])];
  let namespaces: string[];
  if (add !== undefined) {
    if (!NAMESPACE_WORD.test(add)) {
      throw new UserFacingError(`"${add}" is not a namespace name.`);
    }
    namespaces = current.includes(add) ? current : [...current, add];
  } else {
    const answer = await deps.input.inputText({
      title: `${TITLE}: ${unit.kind} ${unit.name}`,
      prompt:
        'Namespaces this code runs in where it is not deployed yet (comma-separated; empty removes the entry). Deployed namespaces still win.',
      placeholder: 'billing, staging',
      value: current.join(', '),
      validate: (text) => {
        const bad = splitNamespaces(text).find((word) => !NAMESPACE_WORD.test(word));
        return bad === undefined ? undefined : { severity: 'error', message: `"${bad}" is not a namespace name` };
      },
    });
    namespaces = [...new Set(splitNamespaces(answer))];
  }
  // The mapping as it is now, not as it was when the box opened: other entries edited meanwhile are kept.
  await active.writeMapping(withDeclaredNamespaces(active.readMapping(), unit.root, namespaces));
  void deps.notifier.info(
    namespaces.length === 0
      ? `${unit.root} no longer declares namespaces.`
      : `${unit.root} declares ${namespaces.length === 1 ? 'namespace' : 'namespaces'} ${namespaces.join(', ')}.`,
  );
  return namespaces;
}

/** "Copy sync command": `fluxbase functions sync --namespace X` (or `jobs sync`) for the active function's kind. */
export async function copySyncCommand(
  deps: { clipboard: Clipboard; notifier: Notifier; functions: ActiveFunctionPort },
  namespace: string,
): Promise<string> {
  const active = await deps.functions.activeFunction();
  const kind = active?.unit ?? { kind: 'function', name: '', form: 'flat', root: '' };
  const command = syncCommand(kind, namespace);
  await deps.clipboard.writeText(command);
  void deps.notifier.info(`Copied: ${command}`);
  return command;
}

function splitNamespaces(text: string): string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

/** The namespace a command argument carries (`{ namespace }` from the annotation's code actions). */
export function namespaceArgument(arg: unknown): string | undefined {
  if (typeof arg === 'object' && arg !== null) {
    const namespace = (arg as { namespace?: unknown }).namespace;
    return typeof namespace === 'string' ? namespace : undefined;
  }
  return undefined;
}

/** What the two commands need from the command deps; `functions` is absent where there is no editor. */
export interface FunctionCommandDeps {
  input: UserInput;
  notifier: Notifier;
  clipboard: Clipboard;
  functions?: ActiveFunctionPort;
}

const NO_EDITOR: ActiveFunctionPort = {
  activeFunction: () => Promise.resolve(undefined),
  activeContext: () => undefined,
  contextOf: () => undefined,
};

/** `fluxbaseSecrets.setFunctionNamespaces`: asks, or adds the argument's namespace without asking. */
export function setFunctionNamespacesCommand(deps: FunctionCommandDeps) {
  return (arg?: unknown): Promise<string[]> =>
    setFunctionNamespaces({ ...deps, functions: deps.functions ?? NO_EDITOR }, namespaceArgument(arg));
}

/** `fluxbaseSecrets.copySyncCommand`: copies the sync command for the argument's namespace. */
export function copySyncCommandCommand(deps: FunctionCommandDeps) {
  return async (arg?: unknown): Promise<string> => {
    const namespace = namespaceArgument(arg);
    if (namespace === undefined) {
      throw new UserFacingError('Copy Sync Command runs from the quick fix of a @fluxbase:namespace annotation.');
    }
    return copySyncCommand({ ...deps, functions: deps.functions ?? NO_EDITOR }, namespace);
  };
}
