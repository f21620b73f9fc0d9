import type { CompareRowView } from '../../shared/compareProtocol';
import { dataRow } from './renderCompare';

/** Rows built per frame once the first ones are on screen: small, so that no frame is long. */
const CHUNK = 50;
/** How near (px) the end of the built rows may come to the bottom of the viewport before more are built. */
const MARGIN_PX = 1200;

/**
 * The grid's rows, built on demand: the first ones at once, then a chunk
 * whenever the end of the built rows scrolls near the viewport (or the
 * keyboard moves past it), so that thousands of names are neither built nor
 * laid out before anyone looks at them, and a filter only rebuilds a
 * screenful. Row n of the grid (the header being row 0) is `rows[n - 1]`.
 */
export class LazyRows {
  private built = 0;
  private disposed = false;
  private readonly observer: IntersectionObserver;

  constructor(
    private readonly body: HTMLElement,
    private readonly rows: readonly CompareRowView[],
    private readonly end: HTMLElement,
    firstRows: number,
  ) {
    this.ensure(firstRows);
    this.observer = new IntersectionObserver(
      (entries) => entries.some((entry) => entry.isIntersecting) && this.fill(),
      {
        rootMargin: `0px 0px ${MARGIN_PX}px 0px`,
      },
    );
    this.observer.observe(end);
  }

  /** Builds rows until the first `count` exist. */
  ensure(count: number): void {
    const until = Math.min(count, this.rows.length);
    if (this.disposed || until <= this.built) {
      return;
    }
    const fragment = document.createDocumentFragment();
    for (let index = this.built; index < until; index++) {
      const row = this.rows[index];
      if (row !== undefined) {
        fragment.append(dataRow(row, index + 1));
      }
    }
    this.body.append(fragment);
    this.built = until;
  }

  /** Stops building (the table was replaced). */
  dispose(): void {
    this.disposed = true;
    this.observer.disconnect();
  }

  /** Builds a chunk, and another on the next frame while the end is still near (the observer fires on changes only). */
  private fill(): void {
    this.ensure(this.built + CHUNK);
    requestAnimationFrame(() => {
      if (!this.disposed && this.built < this.rows.length && this.endIsNear()) {
        this.fill();
      }
    });
  }

  private endIsNear(): boolean {
    return this.end.getBoundingClientRect().top < window.innerHeight + MARGIN_PX;
  }
}
