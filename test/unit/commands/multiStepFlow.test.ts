import * as assert from 'node:assert/strict';
import { runSteps, stepTitle, type FlowStep, type StepPosition } from '../../../src/core/multiStepFlow';
import { isUserCancelled, UserWentBackError } from '../../../src/core/userInput';

/** A step that records where it stood and answers from `answers` (an Error is thrown). */
function step(name: string, answers: (string | Error)[], seen: string[], asked = () => true): FlowStep<string[]> {
  return {
    asked,
    ask: async (state, position: StepPosition) => {
      seen.push(`${name} ${position.number}/${position.total}${position.back ? ' back' : ''}`);
      const answer = answers.shift();
      if (answer instanceof Error) {
        throw answer;
      }
      state.push(`${name}=${answer}`);
    },
  };
}

describe('runSteps (the multi-step machine)', () => {
  it('counts only the steps asked, offers Back after the first, and returns to the step answered last', async () => {
    const seen: string[] = [];
    const state: string[] = [];
    await runSteps(
      [
        step('a', ['1', '1'], seen),
        step('skipped', [], seen, () => false),
        step('b', [new UserWentBackError(), '2'], seen),
      ],
      state,
    );
    assert.deepEqual(seen, ['a 1/2', 'b 2/2 back', 'a 1/2', 'b 2/2 back']);
    assert.deepEqual(state, ['a=1', 'a=1', 'b=2']);
  });

  it('Back on the first step asked is a cancel', async () => {
    await assert.rejects(runSteps([step('a', [new UserWentBackError()], [])], []), isUserCancelled);
  });

  it('titles a step "(step 2/6)", with what the context preset after it', () => {
    assert.equal(stepTitle('Create Secret', { number: 2, total: 6, back: true }), 'Create Secret (step 2/6)');
    assert.equal(
      stepTitle('Create Secret', { number: 1, total: 4, back: false }, 'namespace billing from the function'),
      'Create Secret (step 1/4) · namespace billing from the function',
    );
  });
});
