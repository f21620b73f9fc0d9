import { setImmediate as nextTurn } from 'node:timers/promises';
import { expiryStateOf, type ExpiryState } from '../../shared/expiry';
import type { CatalogEntry } from '../explorer/secretCatalog';
import type { JsQuote } from '../jsString';
import { completionDetailParts, completionDetailText, type CompletionDetailParts } from './completionDetail';
import { writeSecretName } from './secretNameWriter';
import { runInSlices, runToEnd, SLICE_BUDGET_MS, type Steps } from '../slicedWork';
import { resolveVariable, type ProvidingSecret, type VariableResolution } from './variableResolution';

const SORT_BY_STATE = { active: '0', expiring: '1', expired: '2', unknown: '3' } as const;

/** What the completion item of one variable shows, apart from where it goes in the document. */
export interface VariableCompletion {
  readonly variable: string;
  /** The secret name it writes: the first providing secret's, as the server sent it. */
  readonly writtenName: string;
  /** The resolution its documentation is built from when VS Code shows it. */
  readonly resolution: VariableResolution;
  /** Expired ones sort last. */
  readonly sortText: string;
  /** Expired: shown struck through. */
  readonly deprecated: boolean;
  /** The one-line detail at `now` (the same `now` the completion was asked at). */
  detail(now: Date): string;
  /** What completing it writes into a string opened with `quote`: the variable, escaped by the one writer. */
  insertText(quote: JsQuote): string;
}

/**
 * The completion of every variable of the catalog, kept between requests: a
 * keystroke at 10,000 secrets resolved 1,040 variables and wrote their details
 * again (43 ms under load). Rebuilt when the index is a new one (every catalog
 * change: a refresh, a sign-in or sign-out, a connection added or removed —
 * CatalogIndex makes a new map then); a variable is resolved again when an
 * expiry state of one of its secrets differs at the time asked, and its detail's
 * relative expiry phrase is written at every request. What is written into the
 * string depends on its quote: kept per quote, each written by writeSecretName.
 * `warm` builds them ahead of the next request, in slices.
 */
export class VariableCompletions {
  private source: ReadonlyMap<string, readonly CatalogEntry[]> | undefined;
  private cached: CachedVariable[] = [];
  /** A build started by `warm` and not finished yet: `at` finishes it rather than starting over. */
  private building: { index: ReadonlyMap<string, readonly CatalogEntry[]>; steps: Steps<CachedVariable[]> } | undefined;

  constructor(private readonly byVariable: () => ReadonlyMap<string, readonly CatalogEntry[]>) {}

  /** Every variable's completion as at `now`, in the index's order. */
  at(now: Date): readonly VariableCompletion[] {
    const index = this.byVariable();
    if (index !== this.source) {
      const steps = this.building?.index === index ? this.building.steps : buildSteps(index, now);
      this.building = undefined;
      this.adopt(index, runToEnd(steps));
    }
    for (const completion of this.cached) {
      completion.update(now);
    }
    return this.cached;
  }

  /**
   * Builds the completions of the current index in slices that give the event loop a turn
   * (slicedWork), so that the next request finds them ready: the first request after a
   * catalog change at 50,000 secrets built for 60 ms in one turn. Nothing when they are ready.
   */
  async warm(now: Date, budgetMs = SLICE_BUDGET_MS): Promise<void> {
    await nextTurn(); // after the other listeners of the change that asked for it
    const index = this.byVariable();
    if (index === this.source || this.building?.index === index) {
      return;
    }
    const building = { index, steps: buildSteps(index, now) };
    this.building = building;
    const built = await runInSlices(building.steps, budgetMs);
    if (this.building === building) {
      this.building = undefined;
      this.adopt(index, built);
    }
  }

  /** Whether the completions of the current index are built (a request would not build them). */
  ready(): boolean {
    return this.byVariable() === this.source;
  }

  private adopt(index: ReadonlyMap<string, readonly CatalogEntry[]>, built: CachedVariable[]): void {
    this.source = index;
    this.cached = built;
  }
}

/** The completions of `index`, a step per variable. */
function* buildSteps(index: ReadonlyMap<string, readonly CatalogEntry[]>, now: Date): Steps<CachedVariable[]> {
  const built: CachedVariable[] = [];
  for (const [variable, entries] of index) {
    if (entries.length > 0) {
      built.push(new CachedVariable(variable, entries, now));
      yield;
    }
  }
  return built;
}

/** One variable's completion, resolved again only when a providing secret's expiry state changed. */
class CachedVariable implements VariableCompletion {
  readonly writtenName: string;
  resolution!: VariableResolution;
  sortText = '';
  deprecated = false;
  private parts!: CompletionDetailParts;
  /** The detail when it has no relative expiry phrase. */
  private fixedDetail: string | undefined;
  /** The providers whose expiry state depends on the time, with the state resolved. */
  private timed: { provider: ProvidingSecret; state: ExpiryState }[] = [];
  private readonly written = new Map<JsQuote, string>();

  constructor(
    readonly variable: string,
    private readonly entries: readonly CatalogEntry[],
    now: Date,
  ) {
    this.writtenName = entries[0]?.secret.name ?? variable;
    this.resolve(now);
  }

  /** Resolves again when some providing secret's expiry state at `now` is not the one resolved. */
  update(now: Date): void {
    if (this.timed.some(({ provider, state }) => expiryStateOf(provider.entry.secret, now) !== state)) {
      this.resolve(now);
    }
  }

  detail(now: Date): string {
    return this.fixedDetail ?? completionDetailText(this.parts, now);
  }

  insertText(quote: JsQuote): string {
    let text = this.written.get(quote);
    if (text === undefined) {
      text = writeSecretName(this.writtenName, { kind: 'stringContent', quote });
      this.written.set(quote, text);
    }
    return text;
  }

  private resolve(now: Date): void {
    const resolution = resolveVariable(this.variable, this.entries, now);
    this.resolution = resolution;
    this.sortText = `${SORT_BY_STATE[resolution.status]}${this.variable}`;
    this.deprecated = resolution.status === 'expired';
    this.parts = completionDetailParts(resolution);
    this.fixedDetail = this.parts.urgent ? undefined : completionDetailText(this.parts, now);
    this.timed = resolution.providers
      .filter((provider) => dependsOnTime(provider.entry.secret))
      .map((provider) => ({ provider, state: provider.state }));
  }
}

/** Whether a secret's expiry state can change with the time: it has an expiry and the server did not call it expired. */
function dependsOnTime(secret: { expires_at?: string; is_expired?: boolean }): boolean {
  return !secret.is_expired && secret.expires_at !== undefined;
}
