import * as vscode from 'vscode';
import { problemSeverityOf, type ProblemSeverity } from '../../core/explorer/problemSeverity';

/** The languages the code features always serve; `fluxbaseSecrets.completionLanguages` adds more. */
export const BUILT_IN_CODE_LANGUAGES: readonly string[] = [
  'javascript',
  'typescript',
  'javascriptreact',
  'typescriptreact',
];

/** The code features' settings, read fresh on each use. */
export interface CodeSettings {
  languages: readonly string[];
  referenceTemplates: Readonly<Record<string, string>>;
  diagnosticsEnabled: boolean;
  /** `fluxbaseSecrets.diagnostics.severity`. */
  diagnosticsSeverity: ProblemSeverity;
  /** Glob of the files that get diagnostics; empty means every file. */
  diagnosticsInclude: string;
}

/** Reads the settings of `scope` (a document, for per-folder and per-language values). */
export function readCodeSettings(scope?: vscode.ConfigurationScope): CodeSettings {
  const config = vscode.workspace.getConfiguration('fluxbaseSecrets', scope);
  const extra = config.get<unknown>('completionLanguages');
  const templates = config.get<unknown>('referenceTemplates');
  return {
    languages: [
      ...new Set([
        ...BUILT_IN_CODE_LANGUAGES,
        ...(Array.isArray(extra) ? extra.filter((l): l is string => typeof l === 'string') : []),
      ]),
    ],
    referenceTemplates:
      typeof templates === 'object' && templates !== null
        ? Object.fromEntries(Object.entries(templates).filter(([, t]) => typeof t === 'string' && t.trim() !== ''))
        : {},
    diagnosticsEnabled: config.get<boolean>('diagnostics.enabled', true),
    diagnosticsSeverity: problemSeverityOf(config.get<unknown>('diagnostics.severity')),
    diagnosticsInclude: config.get<string>('diagnostics.include', '')?.trim() ?? '',
  };
}

/** The reference template setting of a language; undefined means Deno's `Deno.env.get("…")`. */
export function referenceTemplateFor(languageId: string, scope?: vscode.ConfigurationScope): string | undefined {
  return readCodeSettings(scope).referenceTemplates[languageId];
}

/** True when a change touches the code features' settings. */
export function affectsCodeSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return ['completionLanguages', 'referenceTemplates', 'diagnostics'].some((key) =>
    event.affectsConfiguration(`fluxbaseSecrets.${key}`),
  );
}

/** The document selector of the code features' providers. */
export function codeDocumentSelector(settings: CodeSettings): vscode.DocumentSelector {
  return settings.languages.map((language) => ({ language }));
}

/** The window's `fluxbaseSecrets.diagnostics.severity`: what the tree's icons follow. */
export function readProblemSeverity(): ProblemSeverity {
  return problemSeverityOf(vscode.workspace.getConfiguration('fluxbaseSecrets').get<unknown>('diagnostics.severity'));
}
