import { FluxbaseApiError } from '../api/fluxbaseApiError';
import type { CreateSecretRequest, Secret, UpdateSecretRequest } from '../api/secretTypes';
import { runWithConcurrency, type CancellationSignal } from './boundedConcurrency';
import { targetFields, type ImportItem, type ImportTarget, type WritableImportItem } from './importPlan';

/** The writes an import needs; the API client's `secrets` manager is one. */
export interface SecretWriter {
  create(request: CreateSecretRequest): Promise<Secret>;
  updateById(id: string, request: UpdateSecretRequest): Promise<Secret>;
}

/** What an import did, by secret name (or `.env` key for skipped lines). Never holds a value. */
export interface ImportReport {
  created: string[];
  updated: string[];
  skipped: string[];
  failed: { name: string; error: string }[];
  /** Cancellation stopped it before every selected write had started. */
  cancelled: boolean;
}

/** How many writes an import keeps in flight unless told otherwise. */
export const DEFAULT_IMPORT_CONCURRENCY = 8;

/** Options of {@link runImport}. */
export interface ImportRunOptions {
  concurrency?: number;
  signal?: CancellationSignal;
  /** Called after each write, with how many of `total` writes have ended. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes the selected create/update items of `plan` into `target` with
 * bounded concurrency. Invalid, unselected and (after cancellation) unstarted
 * items are reported as skipped; a failed write does not stop the others.
 */
export async function runImport(
  plan: readonly ImportItem[],
  isSelected: (item: ImportItem) => boolean,
  writer: SecretWriter,
  target: ImportTarget,
  options: ImportRunOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { created: [], updated: [], skipped: [], failed: [], cancelled: false };
  const writes: WritableImportItem[] = [];
  for (const item of plan) {
    if (item.kind !== 'invalid' && isSelected(item)) {
      writes.push(item);
    } else {
      report.skipped.push(item.kind === 'invalid' ? (item.key ?? `line ${item.line + 1}`) : item.name);
    }
  }

  let done = 0;
  const outcomes = await runWithConcurrency(
    writes,
    options.concurrency ?? DEFAULT_IMPORT_CONCURRENCY,
    async (item) => {
      try {
        await write(item, writer, target);
      } finally {
        options.onProgress?.(++done, writes.length);
      }
    },
    options.signal,
  );

  outcomes.forEach((outcome, index) => {
    const item = writes[index] as WritableImportItem;
    if (outcome.status === 'fulfilled') {
      (item.kind === 'create' ? report.created : report.updated).push(item.name);
    } else if (outcome.status === 'rejected') {
      report.failed.push({ name: item.name, error: describeWriteError(outcome.reason) });
    } else {
      report.skipped.push(item.name);
      report.cancelled = true;
    }
  });
  return report;
}

function write(item: WritableImportItem, writer: SecretWriter, target: ImportTarget): Promise<Secret> {
  return item.kind === 'create'
    ? writer.create({ name: item.name, value: item.value, ...targetFields(target) })
    : writer.updateById(item.secretId, { value: item.value });
}

/** A one-line reason that cannot hold a value: the API error's message, else only the error's type. */
function describeWriteError(error: unknown): string {
  if (FluxbaseApiError.is(error)) {
    return error.message;
  }
  return error instanceof Error ? `unexpected ${error.name}` : 'unexpected error';
}

/** `3 created, 1 updated, 2 skipped, 0 failed` (plus `, cancelled`). */
export function summarizeImport(report: ImportReport): string {
  const summary = `${report.created.length} created, ${report.updated.length} updated, ${report.skipped.length} skipped, ${report.failed.length} failed`;
  return report.cancelled ? `${summary} (cancelled)` : summary;
}
