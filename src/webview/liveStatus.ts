import type { NoticeSeverity } from '../shared/historyProtocol';
import { h, icon } from './dom';

/**
 * The page's live region: host notices are shown and announced; the page's
 * own announcements (a load finished, a rollback started) are only announced.
 */
export class LiveStatus {
  constructor(private readonly region: HTMLElement) {}

  /** Shows a host notice until the next one, or until the user acts again. */
  notice(severity: NoticeSeverity, text: string): void {
    this.region.replaceChildren(
      h(
        'p',
        { class: `notice notice-${severity}` },
        icon(severity === 'error' ? 'error' : 'info'),
        h('span', {}, text),
      ),
    );
  }

  /** Tells screen readers something that the page already shows. */
  announce(text: string): void {
    this.region.replaceChildren(h('p', { class: 'visually-hidden' }, text));
  }

  clear(): void {
    this.region.replaceChildren();
  }

  /** Whether a host notice is on show, which a background refresh must not replace. */
  get showsNotice(): boolean {
    return this.region.querySelector('.notice') !== null;
  }
}
