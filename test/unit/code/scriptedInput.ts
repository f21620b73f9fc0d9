import { UserCancelledError, type PickItem, type PickManyItem, type UserInput } from '../../../src/core/userInput';

/** One scripted answer: to a pick, the label of the item to choose; to a text box, the text; to a modal, its button; or cancel. */
export type ScriptedAnswer =
  | { pick: string }
  | { text: string }
  | { choose: string }
  | { pickMany: (items: readonly PickManyItem<unknown>[]) => readonly PickManyItem<unknown>[] }
  | 'cancel';

/** A question as asked, for assertions. */
export interface AskedQuestion {
  kind: 'pick' | 'text' | 'choose' | 'pickMany';
  title: string;
  labels: string[];
}

/**
 * A UserInput and MultiPicker that answer from a script, in order, and fail
 * loudly on a question the script did not expect or an answer that does not fit.
 */
export class ScriptedInput implements UserInput {
  readonly asked: AskedQuestion[] = [];

  constructor(private readonly answers: ScriptedAnswer[]) {}

  async inputText(options: { title: string; prompt: string }): Promise<string> {
    this.asked.push({ kind: 'text', title: options.title, labels: [options.prompt] });
    const answer = this.next(`text box "${options.prompt}"`);
    if (typeof answer !== 'object' || !('text' in answer)) {
      throw new Error(`expected a text answer for "${options.prompt}"`);
    }
    return answer.text;
  }

  async pick<T>(items: readonly PickItem<T>[], options: { title: string }): Promise<T> {
    this.asked.push({ kind: 'pick', title: options.title, labels: items.map((i) => i.label) });
    const answer = this.next(`pick "${options.title}"`);
    if (typeof answer !== 'object' || !('pick' in answer)) {
      throw new Error(`expected a pick answer for "${options.title}"`);
    }
    const item = items.find((i) => i.label === answer.pick);
    if (!item) {
      throw new Error(`no item "${answer.pick}" in ${JSON.stringify(items.map((i) => i.label))}`);
    }
    return item.value;
  }

  async choose<T extends string>(options: { message: string; choices: readonly T[] }): Promise<T> {
    this.asked.push({ kind: 'choose', title: options.message, labels: [...options.choices] });
    const answer = this.next(`modal "${options.message}"`);
    if (typeof answer !== 'object' || !('choose' in answer)) {
      throw new Error(`expected a modal answer for "${options.message}"`);
    }
    const choice = options.choices.find((c) => c === answer.choose);
    if (choice === undefined) {
      throw new Error(`no button "${answer.choose}" in ${JSON.stringify(options.choices)}`);
    }
    return choice;
  }

  async pickMany<T>(items: readonly PickManyItem<T>[], options: { title: string }): Promise<T[]> {
    this.asked.push({ kind: 'pickMany', title: options.title, labels: items.map((i) => i.label) });
    const answer = this.next(`multi-pick "${options.title}"`);
    if (typeof answer !== 'object' || !('pickMany' in answer)) {
      throw new Error(`expected a pickMany answer for "${options.title}"`);
    }
    return answer.pickMany(items).map((i) => i.value as T);
  }

  /** True when every scripted answer was used. */
  get done(): boolean {
    return this.answers.length === 0;
  }

  private next(question: string): Exclude<ScriptedAnswer, 'cancel'> {
    const answer = this.answers.shift();
    if (answer === undefined) {
      throw new Error(`unexpected question: ${question}`);
    }
    if (answer === 'cancel') {
      throw new UserCancelledError();
    }
    return answer;
  }
}
