import type { SecretRef } from '../shared/secretRef';
import { h, icon } from './dom';
import { actionButton } from './actionButton';

function secretLabel(ref: SecretRef): string {
  return ref.namespace === undefined ? ref.name : `${ref.name} (${ref.namespace})`;
}

function statePage(iconName: string, title: string, text: string, ...buttons: HTMLElement[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(
    h(
      'section',
      { class: 'state' },
      h('h1', { id: 'heading', tabindex: '-1' }, icon(iconName), h('span', {}, title)),
      h('p', {}, text),
      buttons.length > 0 && h('div', { class: 'button-row' }, ...buttons),
    ),
  );
  return fragment;
}

/** Shown until the first load answers. */
export function renderLoading(ref: SecretRef): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(
    h(
      'p',
      { class: 'state-message' },
      icon('loading', 'codicon-modifier-spin'),
      ` Loading the version history of ${secretLabel(ref)}…`,
    ),
  );
  return fragment;
}

/** A load failed for a reason other than sign-out or deletion; Retry loads again. */
export function renderError(ref: SecretRef, message: string): DocumentFragment {
  return statePage(
    'error',
    `Could not load the history of ${secretLabel(ref)}`,
    message,
    actionButton('refresh', { label: 'Retry', text: 'Retry', iconName: 'refresh', kind: 'primary' }),
  );
}

/** The connection has no session; the button appears when the host can start a sign-in. */
export function renderSignedOut(ref: SecretRef, canSignIn: boolean): DocumentFragment {
  return statePage(
    'account',
    'Signed out',
    `Sign in to the connection to see the version history of ${secretLabel(ref)}.`,
    ...(canSignIn
      ? [actionButton('signIn', { label: 'Sign In', text: 'Sign In', iconName: 'sign-in', kind: 'primary' })]
      : []),
    actionButton('refresh', { label: 'Retry', text: 'Retry', iconName: 'refresh', kind: 'secondary' }),
  );
}

/** The secret no longer exists on the server, e.g. it was deleted elsewhere while the panel was open. */
export function renderDeleted(ref: SecretRef): DocumentFragment {
  return statePage(
    'trash',
    `${secretLabel(ref)} no longer exists`,
    'The secret was deleted, perhaps in another window or by someone else. Its history went with it.',
    actionButton('close', { label: 'Close Panel', text: 'Close Panel', iconName: 'close', kind: 'primary' }),
    actionButton('refresh', { label: 'Check Again', text: 'Check Again', iconName: 'refresh', kind: 'secondary' }),
  );
}
