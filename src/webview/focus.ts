/**
 * Keeps keyboard focus where it was when the page is rebuilt: on the element
 * with the same `data-focus-key`, else on the heading, so that focus never
 * falls back to the top of the document unnoticed.
 */
export class FocusKeeper {
  private lostFocus = false;

  constructor(private readonly container: HTMLElement) {}

  /** Replaces the container's content, carrying focus over. */
  replace(content: DocumentFragment): void {
    const active = document.activeElement;
    const hadFocus = active instanceof HTMLElement && this.container.contains(active);
    const key = hadFocus ? active.closest('[data-focus-key]')?.getAttribute('data-focus-key') : undefined;
    this.container.replaceChildren(content);
    if (!hadFocus && !this.lostFocus) {
      return;
    }
    const target =
      (key === undefined || key === null ? null : this.findByKey(key)) ??
      this.container.querySelector<HTMLElement>('#heading');
    target?.focus({ preventScroll: true });
    this.lostFocus = target === null;
  }

  private findByKey(key: string): HTMLElement | null {
    for (const element of this.container.querySelectorAll<HTMLElement>('[data-focus-key]')) {
      if (element.getAttribute('data-focus-key') === key) {
        return element;
      }
    }
    return null;
  }
}
