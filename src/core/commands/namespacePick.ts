import { GLOBAL_SCOPE_REACH } from '../../shared/scopeWording';
import type { PickItem, UserInput } from '../userInput';

const NEW_NAMESPACE = Symbol('new namespace');

/**
 * The one scope picker: Global (every function and job) or a namespace
 * (the functions and jobs of one). The create flow labels the second item
 * `Namespace`, the import and export `Namespace…`, as their scripts and
 * walkthroughs have always read.
 */
export async function pickScope(
  input: Pick<UserInput, 'pick'>,
  options: { title: string; placeholder: string; namespaceLabel: 'Namespace' | 'Namespace…' },
): Promise<'global' | 'namespace'> {
  return input.pick<'global' | 'namespace'>(
    [
      { label: 'Global', description: GLOBAL_SCOPE_REACH, value: 'global' },
      { label: options.namespaceLabel, description: 'the functions and jobs of one namespace', value: 'namespace' },
    ],
    { title: options.title, placeholder: options.placeholder },
  );
}

/**
 * Asks for a namespace: one of `namespaces`, or a new one typed in (not
 * empty, no surrounding spaces).
 */
export async function pickNamespace(input: UserInput, namespaces: readonly string[], title: string): Promise<string> {
  const items: PickItem<string | typeof NEW_NAMESPACE>[] = [
    ...namespaces.map((namespace) => ({ label: namespace, value: namespace })),
    { label: '$(add) Another namespace…', description: 'type its name', value: NEW_NAMESPACE },
  ];
  const picked = await input.pick(items, { title, placeholder: 'Choose a namespace or type a new one' });
  if (picked !== NEW_NAMESPACE) {
    return picked;
  }
  return input.inputText({
    title,
    prompt: 'Namespace name (functions and jobs run in namespace "default" unless told otherwise)',
    validate: (value) => {
      if (value.trim() === '') {
        return { severity: 'error', message: 'Enter a namespace' };
      }
      return value === value.trim()
        ? undefined
        : { severity: 'error', message: 'The namespace must not start or end with a space' };
    },
  });
}
