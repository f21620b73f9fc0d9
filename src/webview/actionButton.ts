import { h, icon } from './dom';

/** The `data-action` values of the page's buttons; one click listener on the page dispatches on them. */
export type PageAction = 'refresh' | 'rollback' | 'copyAuthorId' | 'signIn' | 'close';

/** A button that the page's click listener handles; its `data-focus-key` lets focus survive a re-render. */
export function actionButton(
  action: PageAction,
  options: { label: string; text?: string; iconName: string; kind: 'primary' | 'secondary' | 'icon'; version?: number },
  ...extra: HTMLElement[]
): HTMLButtonElement {
  const version = options.version === undefined ? undefined : String(options.version);
  return h(
    'button',
    {
      type: 'button',
      class: `button ${options.kind}`,
      'data-action': action,
      'data-version': version,
      'data-focus-key': version === undefined ? action : `${action}:${version}`,
      'aria-label': options.label,
      title: options.kind === 'icon' ? options.label : undefined,
    },
    icon(options.iconName),
    options.text !== undefined && h('span', {}, options.text),
    ...extra,
  );
}
