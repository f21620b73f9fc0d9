import type { SecretRef } from '../shared/secretRef';
import {
  isHistoryPageState,
  isHostToWebviewMessage,
  type HostToWebviewMessage,
  type WebviewToHostMessage,
} from '../shared/historyProtocol';
import { decodeInlineMessage, INLINE_MESSAGE_ELEMENT_ID } from '../shared/historyInlineMessage';
import { FocusKeeper } from './focus';
import { LiveStatus } from './liveStatus';
import { renderHistory } from './renderHistory';
import { renderDeleted, renderError, renderLoading, renderSignedOut } from './renderStates';
import { acquireHistoryVsCodeApi } from './vscodeApi';

// The version-history page. It only shows what the host sends and posts the
// user's requests back; it never talks to the server and never holds a value.

const api = acquireHistoryVsCodeApi();
const app = document.getElementById('app');
const statusRegion = document.getElementById('status');
if (app === null || statusRegion === null) {
  throw new Error('The history page is missing its #app or #status element.');
}
const appElement: HTMLElement = app;
const focus = new FocusKeeper(appElement);
const status = new LiveStatus(statusRegion);

const saved = api.getState();
let ref: SecretRef | undefined = isHistoryPageState(saved) ? saved.ref : undefined;
let scrollToRestore = isHistoryPageState(saved) ? saved.scrollY : 0;
let firstStateDrawn = isHistoryPageState(saved) && saved.firstStateDrawn === true;
let lastType: HostToWebviewMessage['type'] | undefined;
let lastPending: number | undefined;
let announceNextHistory = true;

function saveState(): void {
  if (ref !== undefined) {
    api.setState({ ref, scrollY: window.scrollY, ...(firstStateDrawn ? { firstStateDrawn } : {}) });
  }
}

function show(content: DocumentFragment, busy: boolean): void {
  focus.replace(content);
  appElement.setAttribute('aria-busy', String(busy));
}

function announceUnlessNotice(text: string): void {
  if (!status.showsNotice) {
    status.announce(text);
  }
}

function showHistory(message: Extract<HostToWebviewMessage, { type: 'history' }>): void {
  const { view, pendingRollback } = message;
  show(renderHistory(view, pendingRollback), pendingRollback !== undefined);
  if (scrollToRestore > 0) {
    window.scrollTo(0, scrollToRestore);
    scrollToRestore = 0;
  }
  if (pendingRollback !== undefined && pendingRollback !== lastPending) {
    status.announce(`Rolling back ${view.name} to version ${pendingRollback}…`);
  } else if (announceNextHistory) {
    const count = view.versions.length;
    announceUnlessNotice(
      `Version history of ${view.name}: ${count} version${count === 1 ? '' : 's'}, version ${view.currentVersion} is current.`,
    );
  }
  announceNextHistory = false;
  lastPending = pendingRollback;
}

function handle(message: HostToWebviewMessage): void {
  if (message.type === 'notice') {
    status.notice(message.severity, message.text);
    return;
  }
  ref = message.ref;
  saveState();
  const previousType = lastType;
  lastType = message.type;
  switch (message.type) {
    case 'loading':
      show(renderLoading(message.ref), true);
      if (previousType !== 'loading') {
        announceUnlessNotice('Loading the version history…');
      }
      return;
    case 'history':
      if (previousType !== 'history') {
        announceNextHistory = true;
      }
      showHistory(message);
      return;
    case 'error':
      show(renderError(message.ref, message.message), false);
      announceUnlessNotice(`Could not load the version history: ${message.message}`);
      return;
    case 'signedOut':
      show(renderSignedOut(message.ref, message.canSignIn), false);
      announceUnlessNotice('Signed out. Sign in to see the version history.');
      return;
    case 'deleted':
      show(renderDeleted(message.ref), false);
      announceUnlessNotice(`${message.ref.name} no longer exists.`);
      return;
  }
}

function requestFor(button: HTMLElement): WebviewToHostMessage | undefined {
  switch (button.dataset.action) {
    case 'refresh':
      return { type: 'refresh' };
    case 'rollback':
    case 'copyAuthorId': {
      const type = button.dataset.action;
      const version = Number(button.dataset.version);
      return Number.isSafeInteger(version) && version >= 1 ? { type, version } : undefined;
    }
    case 'signIn':
      return { type: 'signIn' };
    case 'close':
      return { type: 'close' };
    default:
      return undefined;
  }
}

appElement.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  if (!(button instanceof HTMLElement) || button.getAttribute('aria-disabled') === 'true') {
    return;
  }
  const request = requestFor(button);
  if (request === undefined) {
    return;
  }
  status.clear();
  if (request.type === 'refresh') {
    announceNextHistory = true;
    status.announce('Refreshing…');
  }
  api.postMessage(request);
});

/**
 * The first state the host put into the HTML (historyInlineMessage.ts), drawn at once, on the page's first
 * load only; the host's answer to `ready` repeats it unless something changed meanwhile, and that one
 * repeat is not drawn a second time. Returns the repeat to skip.
 */
function drawInlineState(): string | undefined {
  const block = document.getElementById(INLINE_MESSAGE_ELEMENT_ID);
  if (!(block instanceof HTMLScriptElement) || block.type !== 'application/json') {
    return undefined;
  }
  block.remove();
  // VS Code rebuilds a hidden page from the same HTML when it is shown again: by then its first state is old news.
  const first = firstStateDrawn ? undefined : decodeInlineMessage(block.textContent);
  if (first === undefined) {
    return undefined;
  }
  firstStateDrawn = true;
  handle(first);
  return JSON.stringify(first);
}

let repeatOfInlineState = drawInlineState();

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  // Only what passes the guard is acted on; anything else is dropped silently.
  if (!isHostToWebviewMessage(event.data)) {
    return;
  }
  if (repeatOfInlineState !== undefined && event.data.type !== 'notice') {
    const repeat = JSON.stringify(event.data) === repeatOfInlineState;
    repeatOfInlineState = undefined;
    if (repeat) {
      return;
    }
  }
  handle(event.data);
});

let scrollSaveScheduled = false;
window.addEventListener('scroll', () => {
  if (!scrollSaveScheduled) {
    scrollSaveScheduled = true;
    requestAnimationFrame(() => {
      scrollSaveScheduled = false;
      saveState();
    });
  }
});

api.postMessage({ type: 'ready' });
