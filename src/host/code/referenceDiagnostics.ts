import * as vscode from 'vscode';
import type { CatalogIndex } from '../../core/code/catalogIndex';
import { documentProblemSteps } from '../../core/code/documentProblems';
import { LatestRuns } from '../../core/code/latestRuns';
import { runInSlices } from '../../core/slicedWork';
import type { ReferenceProblemCode } from '../../core/code/referenceProblems';
import {
  functionDocumentProblemSteps,
  type FunctionDocumentProblem,
} from '../../core/functions/functionDocumentProblems';
import { DisposableStore } from '../../shared/disposable';
import type { Clock } from '../../core/explorer/clock';
import type { CatalogEntry } from '../../core/explorer/secretCatalog';
import type { Logger } from '../../shared/logger';
import { severityOf, type ProblemSeverity } from '../../core/explorer/problemSeverity';
import { affectsCodeSettings, readCodeSettings, type CodeSettings } from './codeSettings';
import { noFunctionContexts, type FunctionContextSource } from '../functions/functionContextSource';
import { rangeOfOffsets } from './textRanges';

/** The `source` of every diagnostic of the code features. */
export const DIAGNOSTIC_SOURCE = 'Fluxbase Secrets';

/** How long typing must pause before a document is checked again. */
const DEBOUNCE_MS = 300;
/** Larger documents (bundles, minified code) are not checked, to keep typing smooth. */
const MAX_CHECKED_LENGTH = 1_000_000;

const SEVERITY: Record<ProblemSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Keeps a diagnostic collection of the secret references of open documents,
 * each with the severity of the one rule the tree's icons follow too
 * (problemSeverity.ts): unknown and expired secrets as warnings (or the
 * configured severity), secrets expiring within 7 days as information (never
 * more severe than the configured one). In a function, job or shared module each reference is
 * checked in each of its namespaces, and `@fluxbase:namespace` gets an
 * information. Rechecks a document after typing pauses, every open
 * document shortly after the secrets or function contexts change (they
 * change in bursts while connections load), and at once when the settings
 * change.
 */
export class ReferenceDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('fluxbaseSecrets');
  private readonly disposables = new DisposableStore();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private allTimer: NodeJS.Timeout | undefined;
  /** Per document: the diagnostics with secrets to renew (the objects VS Code hands back are copies: matched by sameDiagnostic). */
  private readonly renewable = new Map<string, RenewableAt[]>();
  /** Per document, its latest check: a check overtaken by a newer one (or a close) is dropped. */
  private readonly checks = new LatestRuns();
  private disposed = false;

  constructor(
    private readonly index: CatalogIndex,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly functions: FunctionContextSource = noFunctionContexts,
  ) {
    this.disposables.add(this.collection);
    this.disposables.add(vscode.workspace.onDidOpenTextDocument((document) => this.check(document)));
    this.disposables.add(vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)));
    this.disposables.add(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cancel(document.uri);
        this.checks.forget(document.uri.toString());
        this.collection.delete(document.uri);
        this.renewable.delete(document.uri.toString());
      }),
    );
    this.disposables.add(index.onDidChange(() => this.scheduleAll()));
    this.disposables.add(functions.onDidChange(() => this.scheduleAll()));
    this.disposables.add(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsCodeSettings(event)) {
          this.checkAll();
        }
      }),
    );
    this.checkAll();
  }

  /** Rechecks every open document now. */
  checkAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      this.check(document);
    }
  }

  /**
   * Rechecks one document, starting now: the references are resolved in slices that yield
   * (core/slicedWork.ts), so a long document against 50,000 secrets does not hold the host;
   * its diagnostics are replaced when the check ends, unless a newer check, an edit or a close came first.
   */
  check(document: vscode.TextDocument): void {
    this.cancel(document.uri);
    const isLatest = this.checks.start(document.uri.toString());
    const settings = readCodeSettings(document);
    if (!applies(settings, document)) {
      this.collection.delete(document.uri);
      this.renewable.delete(document.uri.toString());
      return;
    }
    const context = this.functions.contextFor(document.uri);
    const args = [document.getText(), this.index.byVariable(), this.index.signedInConnections()] as const;
    const now = new Date(this.clock.now());
    const version = document.version;
    const steps = context ? functionDocumentProblemSteps(...args, context, now) : documentProblemSteps(...args, now);
    runInSlices<readonly FunctionDocumentProblem[]>(steps).then(
      (problems) => {
        // offsets are of the text checked: an edit meanwhile has its own check scheduled
        if (!this.disposed && isLatest() && document.version === version) {
          this.show(document, problems, settings);
        }
      },
      (error: unknown) => this.logger.error(error instanceof Error ? error : String(error)),
    );
  }

  private show(
    document: vscode.TextDocument,
    problems: readonly FunctionDocumentProblem[],
    settings: CodeSettings,
  ): void {
    const renewable: RenewableAt[] = [];
    this.collection.set(
      document.uri,
      problems.map((problem) => {
        const diagnostic = new vscode.Diagnostic(
          rangeOfOffsets(document, problem.start, problem.end),
          problem.message,
          SEVERITY[severityOf(problem.level, settings.diagnosticsSeverity)],
        );
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = problem.code satisfies ReferenceProblemCode | FunctionDocumentProblem['code'];
        if (problem.renewable) {
          renewable.push({ diagnostic, entries: problem.renewable });
        }
        return diagnostic;
      }),
    );
    this.renewable.set(document.uri.toString(), renewable);
  }

  /** True when `diagnostic` is one this collection currently holds for `uri` (another instance's are not). */
  owns(uri: vscode.Uri, diagnostic: vscode.Diagnostic): boolean {
    return (this.collection.get(uri) ?? []).some((own) => sameDiagnostic(own, diagnostic));
  }

  /** For an expired or expiring finding this collection holds: the secrets its quick fixes renew (expiryFixes). */
  renewableFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): readonly CatalogEntry[] {
    if (!this.owns(uri, diagnostic)) {
      return [];
    }
    const found = this.renewable.get(uri.toString())?.find((at) => sameDiagnostic(at.diagnostic, diagnostic));
    return found?.entries ?? [];
  }

  private scheduleAll(): void {
    clearTimeout(this.allTimer);
    this.allTimer = setTimeout(() => {
      this.allTimer = undefined;
      this.guarded(() => this.checkAll());
    }, DEBOUNCE_MS);
  }

  private guarded(task: () => void): void {
    try {
      task();
    } catch (error) {
      this.logger.error(error instanceof Error ? error : String(error));
    }
  }

  private schedule(document: vscode.TextDocument): void {
    this.cancel(document.uri);
    const key = document.uri.toString();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.guarded(() => this.check(document));
      }, DEBOUNCE_MS),
    );
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.allTimer);
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.timers.clear();
    this.disposables.dispose();
  }
}

/** An expired or expiring finding and the secrets its quick fixes act on. */
interface RenewableAt {
  diagnostic: vscode.Diagnostic;
  entries: readonly CatalogEntry[];
}

function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  return a.code === b.code && a.message === b.message && a.range.isEqual(b.range);
}

function applies(settings: CodeSettings, document: vscode.TextDocument): boolean {
  if (
    !settings.diagnosticsEnabled ||
    document.isClosed ||
    !settings.languages.includes(document.languageId) ||
    document.getText().length > MAX_CHECKED_LENGTH
  ) {
    return false;
  }
  const glob = settings.diagnosticsInclude;
  if (glob === '') {
    return true;
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const patterns: vscode.GlobPattern[] = [glob, ...(folder ? [new vscode.RelativePattern(folder, glob)] : [])];
  return patterns.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
}
