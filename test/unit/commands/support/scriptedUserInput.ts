import * as assert from 'node:assert/strict';
import {
  UserCancelledError,
  UserWentBackError,
  type ChoiceOptions,
  type InputValidation,
  type PickItem,
  type PickManyItem,
  type PickOptions,
  type TextInputOptions,
  type UserInput,
} from '../../../../src/core/userInput';

/** Answer that dismisses the question. */
export const CANCEL = Symbol('cancel');

/** The step, with something that happens while its question is open. */
export function meanwhile(step: Step, action: () => unknown): Step {
  return { ...step, meanwhile: action };
}

/** Answer that presses Back (QuickInputButtons.Back) in a step of a multi-step flow; the question must offer it. */
export const BACK = Symbol('back');

/** The answers a text box or a pick can get: one typed or chosen, Escape, or Back. */
type Answer = string | typeof CANCEL | typeof BACK;

/**
 * One expected question and its answer. `ask` must match the question's
 * prompt or title; `meanwhile` runs while the question is open, before the
 * answer is given (a sign-out, someone else's write).
 */
export type Step = StepKinds & { meanwhile?: () => unknown };

type StepKinds =
  | {
      kind: 'text';
      ask: RegExp;
      answer: Answer;
      /** When set, the box must (or must not) hide what is typed. */
      password?: boolean;
      /** The validation the answer must get (undefined: none or no check when omitted). */
      validation?: { severity: InputValidation['severity']; message: RegExp };
      /** The text the box must be prefilled with. */
      prefilled?: string;
      /** Answers typed first that the box must refuse (error validation) before `answer` is accepted. */
      rejected?: { answer: string; message: RegExp }[];
    }
  | {
      kind: 'pick';
      ask: RegExp;
      answer: Answer;
      /** Labels offered, in order. */
      offered?: string[];
      /** The label highlighted when the pick opens. */
      active?: string;
    }
  | { kind: 'choose'; ask: RegExp; answer: string | typeof CANCEL; detail?: RegExp }
  /** Dismisses whatever question comes next. */
  | { kind: 'cancel'; ask: RegExp; answer: typeof CANCEL }
  | {
      kind: 'pickMany';
      ask: RegExp;
      /** Which of the offered items to check (the items start as the command checked them). */
      answer: ((items: readonly PickManyItem<unknown>[]) => readonly PickManyItem<unknown>[]) | typeof CANCEL;
    };

/** Shorthands for steps. */
export const text = (ask: RegExp, answer: Answer, extra: Partial<Extract<Step, { kind: 'text' }>> = {}): Step => ({
  kind: 'text',
  ask,
  answer,
  ...extra,
});
export const pick = (ask: RegExp, answer: Answer, offered?: string[], active?: string): Step => ({
  kind: 'pick',
  ask,
  answer,
  ...(offered ? { offered } : {}),
  ...(active !== undefined ? { active } : {}),
});
/** Dismisses the next question, whatever it is. */
export const cancelNext = (): Step => ({ kind: 'cancel', ask: /(?:)/, answer: CANCEL });

/** The short form of a script: answers in order, without checking how each question is worded. */
export type ScriptedAnswer =
  | { pick: string }
  | { text: string }
  | { choose: string }
  | { pickMany: (items: readonly PickManyItem<unknown>[]) => readonly PickManyItem<unknown>[] }
  | 'cancel';

/** Steps from short answers: each matches any wording of its kind of question. */
export function answers(list: readonly ScriptedAnswer[]): Step[] {
  const any = /(?:)/;
  return list.map((answer) => {
    if (answer === 'cancel') {
      return cancelNext();
    }
    if ('pick' in answer) {
      return pick(any, answer.pick);
    }
    if ('text' in answer) {
      return text(any, answer.text);
    }
    if ('choose' in answer) {
      return choose(any, answer.choose);
    }
    return pickMany(any, answer.pickMany);
  });
}

export const pickMany = (ask: RegExp, answer: Extract<Step, { kind: 'pickMany' }>['answer']): Step => ({
  kind: 'pickMany',
  ask,
  answer,
});
export const choose = (ask: RegExp, answer: string | typeof CANCEL, detail?: RegExp): Step => ({
  kind: 'choose',
  ask,
  answer,
  ...(detail ? { detail } : {}),
});

/**
 * A UserInput that plays a script and fails loudly on any question it did
 * not expect, on an answer the question's own validation would block, and
 * (via `assertDone`) on expected questions that were never asked.
 */
export class ScriptedUserInput implements UserInput {
  readonly asked: string[] = [];
  /** Every question asked, with its title (a modal's message) and what it offered (a text box's prompt). */
  readonly questions: { kind: Exclude<Step['kind'], 'cancel'>; title: string; labels: string[] }[] = [];
  /** Every text box seen, so tests can check how a value was asked for. */
  readonly textBoxes: TextInputOptions[] = [];
  /** The options of every pick seen. */
  readonly picks: PickOptions[] = [];

  constructor(private readonly steps: Step[]) {}

  async inputText(options: TextInputOptions): Promise<string> {
    this.textBoxes.push(options);
    this.questions.push({ kind: 'text', title: options.title, labels: [options.prompt] });
    const step = await this.next('text', `${options.title} / ${options.prompt}`);
    if (step.kind !== 'text') {
      throw new Error('unreachable');
    }
    if (step.password !== undefined) {
      assert.equal(options.password ?? false, step.password, `password box for "${options.prompt}"`);
    }
    if (step.prefilled !== undefined) {
      assert.equal(options.value, step.prefilled, `prefilled value of "${options.prompt}"`);
    }
    for (const attempt of step.rejected ?? []) {
      const refusal = options.validate?.(attempt.answer);
      assert.equal(refusal?.severity, 'error', `"${attempt.answer}" must be refused by "${options.prompt}"`);
      assert.match(refusal?.message ?? '', attempt.message);
    }
    const answer = step.answer;
    answerOrThrow(answer, options.backButton, options.prompt);
    const validation = options.validate?.(answer);
    if (step.validation) {
      assert.equal(validation?.severity, step.validation.severity, `validation of "${answer}"`);
      assert.match(validation?.message ?? '', step.validation.message);
    }
    if (validation?.severity === 'error') {
      assert.fail(`The box "${options.prompt}" would not accept "${answer}": ${validation.message}`);
    }
    return answer;
  }

  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T> {
    this.questions.push({ kind: 'pick', title: options.title, labels: items.map((item) => item.label) });
    this.picks.push(options);
    const step = await this.next('pick', `${options.title} / ${options.placeholder ?? ''}`);
    if (step.kind !== 'pick') {
      throw new Error('unreachable');
    }
    if (step.offered) {
      assert.deepEqual(
        items.map((item) => item.label),
        step.offered,
        `items offered by "${options.title}"`,
      );
    }
    if (step.active !== undefined) {
      const active = options.activeIndex === undefined ? undefined : items[options.activeIndex]?.label;
      assert.equal(active, step.active, `item highlighted by "${options.title}"`);
    }
    const answer = step.answer;
    answerOrThrow(answer, options.backButton, options.title);
    const item = items.find((candidate) => candidate.label === answer);
    assert.ok(item, `"${answer}" is not among ${JSON.stringify(items.map((candidate) => candidate.label))}`);
    return item.value;
  }

  async choose<T extends string>(options: ChoiceOptions<T>): Promise<T> {
    this.questions.push({ kind: 'choose', title: options.message, labels: [...options.choices] });
    const step = await this.next('choose', options.message);
    if (step.kind !== 'choose') {
      throw new Error('unreachable');
    }
    if (step.detail) {
      assert.match(options.detail ?? '', step.detail);
    }
    if (step.answer === CANCEL) {
      throw new UserCancelledError();
    }
    const choice = options.choices.find((candidate) => candidate === step.answer);
    assert.ok(choice, `"${step.answer}" is not a button of "${options.message}"`);
    return choice;
  }

  async pickMany<T>(items: readonly PickManyItem<T>[], options: { title: string; placeholder?: string }): Promise<T[]> {
    this.questions.push({ kind: 'pickMany', title: options.title, labels: items.map((item) => item.label) });
    const step = await this.next('pickMany', `${options.title} / ${options.placeholder ?? ''}`);
    if (step.kind !== 'pickMany') {
      throw new Error('unreachable');
    }
    if (step.answer === CANCEL) {
      throw new UserCancelledError();
    }
    const checked = step.answer(items as readonly PickManyItem<unknown>[]);
    for (const item of checked) {
      assert.ok(items.includes(item as PickManyItem<T>), `"${item.label}" was not offered by "${options.title}"`);
    }
    return checked.map((item) => item.value as T);
  }

  /** True when every scripted step was used. */
  get done(): boolean {
    return this.steps.length === 0;
  }

  /** Fails when expected questions were never asked. */
  assertDone(): void {
    assert.deepEqual(this.steps, [], `questions never asked after: ${JSON.stringify(this.asked)}`);
  }

  private async next(kind: Exclude<Step['kind'], 'cancel'>, question: string): Promise<Step> {
    this.asked.push(`${kind}: ${question}`);
    const step = this.steps.shift();
    if (!step) {
      assert.fail(`Unexpected ${kind} question: ${question}`);
    }
    await step.meanwhile?.();
    if (step.kind === 'cancel') {
      throw new UserCancelledError();
    }
    assert.equal(step.kind, kind, `expected a ${step.kind} question (${step.ask}) but got ${kind}: ${question}`);
    assert.match(question, step.ask, `question ${question}`);
    return step;
  }
}

/** Throws what Escape or Back would (Back only where the question offers it); returns for a real answer. */
function answerOrThrow(answer: Answer, backButton: boolean | undefined, question: string): asserts answer is string {
  if (answer === CANCEL) {
    throw new UserCancelledError();
  }
  if (answer === BACK) {
    assert.ok(backButton, `"${question}" offers no Back button`);
    throw new UserWentBackError();
  }
}

/**
 * Every question asked, in order, was the one scripted: a command wraps its
 * errors, so a mismatch inside it would otherwise only show as a notification.
 */
export function assertAskedExactly(input: ScriptedUserInput, steps: readonly Step[]): void {
  assert.equal(input.asked.length, steps.length, `asked: ${JSON.stringify(input.asked)}`);
  steps.forEach((step, index) => {
    const asked = input.asked[index] ?? '';
    const prefix = `${step.kind}: `;
    assert.ok(
      asked.startsWith(prefix) && step.ask.test(asked.slice(prefix.length)),
      `question ${index + 1} was "${asked}"`,
    );
  });
}
