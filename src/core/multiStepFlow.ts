import { isUserWentBack, UserCancelledError } from './userInput';

/** Where a step stands in its flow, for its title: "(step 2/6)", and whether it offers Back. */
export interface StepPosition {
  /** 1-based, counting only the steps that are asked. */
  number: number;
  /** The steps asked in all, as far as the answers so far tell (a later answer may drop one). */
  total: number;
  /** Whether a step was answered before this one: only then is Back offered. */
  back: boolean;
}

/** One question of a multi-step flow, reading and writing the flow's state `S`. */
export interface FlowStep<S> {
  /**
   * Whether the step is asked, given the state so far: false when the
   * context already gave its answer (a preset) or an earlier answer makes it
   * moot (no namespace for a global secret).
   */
  asked(state: S): boolean;
  /** Asks and writes the answer into `state`; rejects with UserWentBackError on Back, UserCancelledError on Escape. */
  ask(state: S, position: StepPosition): Promise<void>;
}

/**
 * Runs `steps` in order over `state`, as VS Code's MultiStepInput sample
 * does: steps not asked are skipped and not counted; Back returns to the
 * step answered last, whose answer is still in `state` (so it is shown
 * again); Escape rejects with UserCancelledError. Back on the first step
 * asked (which offers none) counts as a cancel.
 */
export async function runSteps<S>(steps: readonly FlowStep<S>[], state: S): Promise<void> {
  const answered: number[] = [];
  let index = 0;
  while (index < steps.length) {
    const step = steps[index]!;
    if (!step.asked(state)) {
      index++;
      continue;
    }
    try {
      await step.ask(state, positionOf(steps, index, state, answered.length > 0));
      answered.push(index);
      index++;
    } catch (error) {
      if (!isUserWentBack(error)) {
        throw error;
      }
      const previous = answered.pop();
      if (previous === undefined) {
        throw new UserCancelledError();
      }
      index = previous;
    }
  }
}

function positionOf<S>(steps: readonly FlowStep<S>[], index: number, state: S, back: boolean): StepPosition {
  const asked = steps.map((step) => step.asked(state));
  const number = asked.slice(0, index + 1).filter(Boolean).length;
  return { number, total: asked.filter(Boolean).length, back };
}

/** "Create Secret (step 2/6)", with what the context preset after it: "… · namespace billing from the function". */
export function stepTitle(title: string, position: StepPosition, preset?: string): string {
  const counted = `${title} (step ${position.number}/${position.total})`;
  return preset ? `${counted} · ${preset}` : counted;
}
