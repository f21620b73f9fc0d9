import type { ChoiceOptions, PickItem, PickOptions, TextInputOptions, UserInput } from '../core/userInput';

/**
 * A UserInput that forwards to a replaceable implementation. The extension
 * uses VS Code's; integration tests swap in a scripted one through the API
 * that `activate()` returns (for tests only).
 */
export class SwitchableUserInput implements UserInput {
  private override: UserInput | undefined;

  constructor(private readonly fallback: UserInput) {}

  /** Uses `input` from now on; undefined goes back to the default. */
  use(input: UserInput | undefined): void {
    this.override = input;
  }

  private get current(): UserInput {
    return this.override ?? this.fallback;
  }

  inputText(options: TextInputOptions): Promise<string> {
    return this.current.inputText(options);
  }

  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T> {
    return this.current.pick(items, options);
  }

  choose<T extends string>(options: ChoiceOptions<T>): Promise<T> {
    return this.current.choose(options);
  }
}
