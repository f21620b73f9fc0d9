import { GLOBAL_SCOPE_REACH } from '../../shared/scopeWording';
import { isUserWentBack, type PickItem, type UserInput } from '../userInput';

const NEW_NAMESPACE = Symbol('new namespace');

/**
 * The one scope picker: Global (every function and job) or a namespace
 * (the functions and jobs of one). The create flow labels the second item
 * `Namespace`, the import and export `Namespace…`, as their scripts and
 * walkthroughs have always read.
 */
export async function pickScope(
  input: Pick<UserInput, 'pick'>,
  options: {
    title: string;
    placeholder: string;
    namespaceLabel: 'Namespace' | 'Namespace…';
    /** In a multi-step flow: offer Back, and highlight the scope chosen before. */
    step?: { backButton: boolean; current?: 'global' | 'namespace' };
  },
): Promise<'global' | 'namespace'> {
  const { step } = options;
  return input.pick<'global' | 'namespace'>(
    [
      { label: 'Global', description: GLOBAL_SCOPE_REACH, value: 'global' },
      { label: options.namespaceLabel, description: 'the functions and jobs of one namespace', value: 'namespace' },
    ],
    {
      title: options.title,
      placeholder: options.placeholder,
      ...(step?.backButton ? { backButton: true } : {}),
      ...(step?.current !== undefined ? { activeIndex: step.current === 'global' ? 0 : 1 } : {}),
    },
  );
}

/** A namespace question as a step of a multi-step flow: Back is offered, and the answer before Back is shown again. */
export interface NamespaceStep {
  backButton: boolean;
  current?: string;
}

/**
 * Asks for a namespace: one of `namespaces`, or a new one typed in (not
 * empty, no surrounding spaces). As a step, Back from the typed one returns
 * to the list, and Back from the list rejects with UserWentBackError.
 */
export async function pickNamespace(
  input: UserInput,
  namespaces: readonly string[],
  title: string,
  step?: NamespaceStep,
): Promise<string> {
  const items: PickItem<string | typeof NEW_NAMESPACE>[] = [
    ...namespaces.map((namespace) => ({ label: namespace, value: namespace })),
    { label: '$(add) Another namespace…', description: 'type its name', value: NEW_NAMESPACE },
  ];
  const current = step?.current;
  const typedBefore = current !== undefined && !namespaces.includes(current);
  for (;;) {
    const picked = await input.pick(items, {
      title,
      placeholder: 'Choose a namespace or type a new one',
      ...(step?.backButton ? { backButton: true } : {}),
      ...(current !== undefined ? { activeIndex: typedBefore ? namespaces.length : namespaces.indexOf(current) } : {}),
    });
    if (picked !== NEW_NAMESPACE) {
      return picked;
    }
    try {
      return await typeNamespace(input, title, step ? { value: typedBefore ? current : undefined } : undefined);
    } catch (error) {
      if (!step || !isUserWentBack(error)) {
        throw error;
      }
    }
  }
}

function typeNamespace(
  input: UserInput,
  title: string,
  step: { value: string | undefined } | undefined,
): Promise<string> {
  return input.inputText({
    title,
    prompt: 'Namespace name (functions and jobs run in namespace "default" unless told otherwise)',
    ...(step ? { backButton: true } : {}),
    ...(step?.value !== undefined ? { value: step.value } : {}),
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
