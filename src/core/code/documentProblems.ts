import { assessReference, type ReferenceProblem } from './referenceProblems';
import { scanSecretReferences } from './referenceScanner';
import type { CatalogEntry } from '../explorer/secretCatalog';
import { runToEnd, type Steps } from '../slicedWork';
import { resolveVariable } from './variableResolution';

/** A problem at a reference, with the offsets of the string's content. */
export interface DocumentProblem extends ReferenceProblem {
  variable: string;
  start: number;
  end: number;
}

/**
 * The problems of every reference in `text`, resolved against the catalog
 * index (`indexByVariable`). `signedInConnections` is how many connections
 * are signed in: without one, unknown variables are not judged.
 */
export function findDocumentProblems(
  text: string,
  index: ReadonlyMap<string, readonly CatalogEntry[]>,
  signedInConnections: number,
  now: Date,
): DocumentProblem[] {
  return runToEnd(documentProblemSteps(text, index, signedInConnections, now));
}

/** {@link findDocumentProblems} as steps (core/slicedWork.ts): one step per variable resolved. */
export function* documentProblemSteps(
  text: string,
  index: ReadonlyMap<string, readonly CatalogEntry[]>,
  signedInConnections: number,
  now: Date,
): Steps<DocumentProblem[]> {
  const problems: DocumentProblem[] = [];
  // a variable read in many places is resolved once
  const assessed = new Map<string, ReferenceProblem | undefined>();
  for (const reference of scanSecretReferences(text)) {
    let problem = assessed.get(reference.variable);
    if (!assessed.has(reference.variable)) {
      const resolution = resolveVariable(reference.variable, index.get(reference.variable) ?? [], now);
      problem = assessReference(resolution, signedInConnections, now);
      assessed.set(reference.variable, problem);
      yield;
    }
    if (problem) {
      problems.push({
        ...problem,
        variable: reference.variable,
        start: reference.literal.contentStart,
        end: reference.literal.contentEnd,
      });
    }
  }
  return problems;
}
