import { Emitter, type Disposable } from '../../shared/disposable';

/** The explorer's filter text; empty when the tree is not filtered. */
export class ExplorerFilter implements Disposable {
  private readonly changed = new Emitter<string>();
  private current = '';

  /** Fires with the new text after it changed. */
  readonly onDidChange = (listener: (text: string) => void): Disposable => this.changed.event(listener);

  get text(): string {
    return this.current;
  }

  get active(): boolean {
    return this.current !== '';
  }

  set(text: string): void {
    const next = text.trim();
    if (next !== this.current) {
      this.current = next;
      this.changed.fire(next);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
