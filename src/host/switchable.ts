/**
 * A default implementation and an optional replacement for it: the
 * extension uses VS Code's; integration tests swap in scripted ones through
 * the API that `activate()` returns (for tests only).
 */
export class Switchable<T> {
  private override: T | undefined;

  constructor(private readonly fallback: T) {}

  /** Uses `replacement` from now on; undefined goes back to the default. */
  use(replacement: T | undefined): void {
    this.override = replacement;
  }

  /** The replacement when one is set, else the default. */
  protected get current(): T {
    return this.override ?? this.fallback;
  }
}
