import type { SecretSummary } from '../api/secretTypes';
import type { CreatePrefillOrigin, CreateSecretPrefill } from '../commandArgument';
import type { Connection } from '../connections/connection';
import { namespacesOf } from '../explorer/effectiveVariables';
import { runSteps, stepTitle, type FlowStep, type StepPosition } from '../multiStepFlow';
import { secretVariableName } from '../secretVariable';
import type { InputValidation } from '../userInput';
import { EXPIRY_INPUT_HINT, parseExpiryInput, type ExpiryInput } from '../../shared/expiryInput';
import { expiryPreview } from '../../shared/expiryPreview';
import type { CommandDeps } from './commandDeps';
import { namesConnection } from '../connections/connectionNaming';
import { pickConnection } from './connectionTarget';
import { pickNamespace, pickScope } from './namespacePick';
import { placementText, validateSecretName, type SecretPlacement } from './secretNameValidation';

const TITLE = 'Create Secret';

/**
 * What the create flow knows so far: the presets of its context first, then
 * every answer. Back shows each answer again; the value lives here only
 * while the flow runs (askCreateSecret clears it on cancel, the command
 * after creating).
 */
export interface CreateFlowState {
  connection?: Connection;
  scope?: 'global' | 'namespace';
  namespace?: string;
  name?: string;
  /** The name was typed in the name step: from then on the step is always asked (a preset name no longer applies). */
  nameTyped?: boolean;
  value?: string;
  description?: string;
  expiryText?: string;
}

/** Where the flow starts: its context's presets, and what it asks about. */
export interface CreateFlowContext {
  deps: Pick<CommandDeps, 'input' | 'store' | 'registry' | 'clock'>;
  prefill: CreateSecretPrefill;
  /** The connection when it is known without asking; `given` when the context named it. */
  connection: { known: Connection; given: boolean } | { candidates: readonly Connection[] };
  /** Where the presets come from, for the title ("namespace billing from the function"). */
  origin?: CreatePrefillOrigin;
}

/** Everything the create flow asked for, ready to send. */
export interface CreateAnswers {
  connection: Connection;
  placement: SecretPlacement;
  name: string;
  value: string;
  description: string;
  expiry: ExpiryInput;
}

const ORIGIN_TEXT: Readonly<Record<CreatePrefillOrigin, string>> = {
  tree: 'the tree',
  function: 'the function',
  quickFix: 'the quick fix',
  code: 'the code',
  compare: 'the compare page',
};

/**
 * The create flow as one multi-step input: connection (when there is a
 * choice), scope, namespace, name, value (hidden), description, expiry.
 * Steps the context answered are skipped and not counted. Rejects with
 * UserCancelledError on Escape at any step, and then keeps no value.
 */
export async function askCreateSecret(
  context: CreateFlowContext,
  state: CreateFlowState = initialState(context),
): Promise<CreateAnswers> {
  try {
    await runSteps(createSteps(context), state);
  } catch (error) {
    state.value = undefined;
    throw error;
  }
  const { connection, name, value } = state;
  if (connection === undefined || name === undefined || value === undefined) {
    throw new Error('The create flow ended without a connection, name or value');
  }
  return {
    connection,
    placement: placementOf(state),
    name,
    value,
    description: state.description ?? '',
    expiry: parseExpiryInput(state.expiryText ?? '', context.deps.clock.now()),
  };
}

/** The state the flow starts from: what its context preset. */
export function initialState(context: CreateFlowContext): CreateFlowState {
  const { prefill } = context;
  return {
    ...('known' in context.connection ? { connection: context.connection.known } : {}),
    ...(prefill.scope !== undefined ? { scope: prefill.scope } : {}),
    ...(prefill.namespace !== undefined ? { namespace: prefill.namespace } : {}),
    ...(prefill.name !== undefined ? { name: prefill.name } : {}),
    ...(prefill.value !== undefined ? { value: prefill.value } : {}),
    ...(prefill.description !== undefined ? { description: prefill.description } : {}),
  };
}

function createSteps(context: CreateFlowContext): FlowStep<CreateFlowState>[] {
  const { deps, prefill } = context;
  const { input } = deps;
  const existing = (state: CreateFlowState): readonly SecretSummary[] =>
    state.connection ? deps.store.secretsFor(state.connection.id) : [];
  const nameValidation = (state: CreateFlowState) => (name: string) =>
    validateSecretName(name, placementOf(state), existing(state));
  // A name from the context is taken as it is when nothing is wrong with it in the chosen scope;
  // until the scope is chosen, only its form is judged (the count assumes it will be taken).
  const namePreset = (state: CreateFlowState): boolean =>
    prefill.name !== undefined &&
    prefill.nameSuggested !== true &&
    state.nameTyped !== true &&
    (placementChosen(state)
      ? nameValidation(state)(prefill.name)
      : validateSecretName(prefill.name, { scope: 'global' }, [])) === undefined;
  const title = (state: CreateFlowState, position: StepPosition): string =>
    stepTitle(TITLE, position, presetText(context, namePreset(state)));
  return [
    {
      asked: () => 'candidates' in context.connection,
      ask: async (state, position) => {
        const candidates = 'candidates' in context.connection ? context.connection.candidates : [];
        state.connection = await pickConnection(deps, candidates, {
          title: title(state, position),
          backButton: position.back,
          ...(state.connection ? { current: state.connection } : {}),
        });
      },
    },
    {
      asked: () => prefill.scope === undefined,
      ask: async (state, position) => {
        state.scope = await pickScope(input, {
          title: title(state, position),
          placeholder: 'Who gets the secret?',
          namespaceLabel: 'Namespace',
          step: { backButton: position.back, ...(state.scope ? { current: state.scope } : {}) },
        });
      },
    },
    {
      asked: (state) => prefill.namespace === undefined && state.scope !== 'global',
      ask: async (state, position) => {
        state.namespace = await pickNamespace(input, namespacesOf(existing(state)), title(state, position), {
          backButton: position.back,
          ...(state.namespace !== undefined ? { current: state.namespace } : {}),
        });
      },
    },
    {
      asked: (state) => !namePreset(state),
      ask: async (state, position) => {
        const validate = nameValidation(state);
        state.name = await input.inputText({
          title: title(state, position),
          prompt: `Name of the secret ${placementText(placementOf(state))}; functions read it as FLUXBASE_SECRET_<NAME>`,
          placeholder: 'STRIPE_KEY',
          ...(state.name !== undefined ? { value: state.name } : {}),
          backButton: position.back,
          validate: (name) => validate(name) ?? liveVariable(name, placementOf(state)),
        });
        state.nameTyped = true;
      },
    },
    {
      asked: () => prefill.value === undefined,
      ask: async (state, position) => {
        state.value = await input.inputText({
          title: title(state, position),
          prompt: `Value of ${state.name ?? ''} (hidden; it cannot be shown again after saving)`,
          password: true,
          ...(state.value !== undefined ? { value: state.value } : {}),
          backButton: position.back,
          validate: (text) => (text === '' ? { severity: 'error', message: 'Enter a value' } : undefined),
        });
      },
    },
    {
      asked: () => true,
      ask: async (state, position) => {
        state.description = await input.inputText({
          title: title(state, position),
          prompt: 'Description (optional)',
          ...(state.description !== undefined ? { value: state.description } : {}),
          backButton: position.back,
        });
      },
    },
    {
      asked: () => true,
      ask: async (state, position) => {
        state.expiryText = await input.inputText({
          title: title(state, position),
          prompt: `Expiry (optional): ${EXPIRY_INPUT_HINT}`,
          placeholder: '30d',
          ...(state.expiryText !== undefined ? { value: state.expiryText } : {}),
          backButton: position.back,
          validate: (text) => expiryPreview(text, deps.clock.now()),
        });
      },
    },
  ];
}

/**
 * What the name box says while nothing is wrong: the variable functions will
 * read, as it is typed. It takes the prompt's place, so it repeats where the
 * secret goes.
 */
function liveVariable(name: string, placement: SecretPlacement): InputValidation {
  return {
    severity: 'info',
    message: `Name of the secret ${placementText(placement)}: functions read it as ${secretVariableName(name)}`,
  };
}

function placementChosen(state: CreateFlowState): boolean {
  return state.scope === 'global' || (state.scope === 'namespace' && state.namespace !== undefined);
}

function placementOf(state: CreateFlowState): SecretPlacement {
  return state.scope === 'namespace' ? { scope: 'namespace', namespace: state.namespace ?? '' } : { scope: 'global' };
}

/** "namespace billing from the function", "name MAPS_KEY, value from the code": what the context answered. */
function presetText(context: CreateFlowContext, namePreset: boolean): string | undefined {
  const { prefill } = context;
  const parts: string[] = [];
  if ('known' in context.connection && context.connection.given && namesConnection(context.deps.registry)) {
    parts.push(`on ${context.connection.known.name}`);
  }
  if (prefill.namespace !== undefined) {
    parts.push(`namespace ${prefill.namespace}`);
  } else if (prefill.scope !== undefined) {
    parts.push(prefill.scope === 'global' ? 'global' : 'a namespace');
  }
  if (namePreset) {
    parts.push(`name ${prefill.name}`);
  }
  if (prefill.value !== undefined) {
    parts.push('value');
  }
  if (parts.length === 0) {
    return undefined;
  }
  return `${parts.join(', ')} ${context.origin ? `from ${ORIGIN_TEXT[context.origin]}` : 'preset'}`;
}
