/** A child of an element built with `h`; falsy children are skipped so that conditions read inline. */
export type Child = Node | string | false | null | undefined;

/**
 * Builds an element. Text always becomes text nodes and attributes go
 * through `setAttribute`, so no server-provided string is ever parsed as
 * HTML. Attributes whose value is undefined are left out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | undefined>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) {
      element.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child !== false && child !== null && child !== undefined && child !== '') {
      element.append(child);
    }
  }
  return element;
}

/** A decorative codicon, hidden from screen readers. */
export function icon(name: string, ...modifiers: string[]): HTMLSpanElement {
  return h('span', { class: ['codicon', `codicon-${name}`, ...modifiers].join(' '), 'aria-hidden': 'true' });
}
