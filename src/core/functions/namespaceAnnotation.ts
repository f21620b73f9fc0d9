import type { RunnableUnit } from './codeUnit';

/**
 * `@fluxbase:namespace X` in a function or job file: the CLI parses it and
 * sends it, every server drops it (contract part 2, §1.1, §1.7, §1.9); only
 * custom MCP tools honour it. The extension never takes it as the namespace;
 * it says so where the annotation is written.
 */
export interface NamespaceAnnotation {
  /** The namespace the annotation names, as the CLI captures it (`\S+`). */
  namespace: string;
  /** Offsets of `@fluxbase:namespace` through the end of the value. */
  start: number;
  end: number;
}

/** The CLI's function regex: anchored to a comment line (`//`, `/*` or a leading `*`); the first match counts. */
const FUNCTION_ANNOTATION = /^[^\S\n]*(?:\/\/|\/\*|\*)\s*(@fluxbase:namespace\s+(\S+))/m;
/** The CLI's job regex: not anchored, so it also matches inside strings; the first match counts. */
const JOB_ANNOTATION = /(@fluxbase:namespace\s+(\S+))/;

/** The annotation the CLI would read from `text`, if any. */
export function findNamespaceAnnotation(text: string, kind: RunnableUnit['kind']): NamespaceAnnotation | undefined {
  const match = (kind === 'function' ? FUNCTION_ANNOTATION : JOB_ANNOTATION).exec(text);
  const annotation = match?.[1];
  const namespace = match?.[2];
  if (!match || annotation === undefined || namespace === undefined) {
    return undefined;
  }
  const start = match.index + match[0].length - annotation.length;
  return { namespace, start, end: start + annotation.length };
}

/** The information diagnostic's text. */
export function annotationMessage(annotation: NamespaceAnnotation, unit: RunnableUnit): string {
  const command = unit.kind === 'function' ? 'functions sync' : 'jobs sync';
  return (
    `@fluxbase:namespace ${annotation.namespace} has no effect: the Fluxbase CLI sends it, but every Fluxbase server drops it ` +
    `(only MCP tools honour it). This ${unit.kind} runs in the namespace of the sync command: ` +
    `fluxbase ${command} --namespace ${annotation.namespace}, or default without --namespace.`
  );
}

/** The command that puts the unit in the annotation's namespace: `fluxbase functions sync --namespace X`. */
export function syncCommand(unit: RunnableUnit, namespace: string): string {
  return `fluxbase ${unit.kind === 'function' ? 'functions' : 'jobs'} sync --namespace ${shellQuote(namespace)}`;
}

/** Leaves plain words as they are and single-quotes anything else for a POSIX shell. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_.:/@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
