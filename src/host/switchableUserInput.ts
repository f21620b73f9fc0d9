import type {
  ChoiceOptions,
  PickItem,
  PickManyItem,
  PickOptions,
  TextInputOptions,
  UserInput,
} from '../core/userInput';
import { Switchable } from './switchable';

/** A UserInput that forwards to VS Code's, or to the scripted one a test put in its place. */
export class SwitchableUserInput extends Switchable<UserInput> implements UserInput {
  inputText(options: TextInputOptions): Promise<string> {
    return this.current.inputText(options);
  }

  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T> {
    return this.current.pick(items, options);
  }

  choose<T extends string>(options: ChoiceOptions<T>): Promise<T> {
    return this.current.choose(options);
  }

  pickMany<T>(items: readonly PickManyItem<T>[], options: { title: string; placeholder?: string }): Promise<T[]> {
    return this.current.pickMany(items, options);
  }
}
