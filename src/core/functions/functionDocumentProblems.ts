import type { DocumentProblem } from '../code/documentProblems';
import { scanSecretReferences } from '../code/referenceScanner';
import type { CatalogEntry } from '../explorer/secretCatalog';
import { runToEnd, type Steps } from '../slicedWork';
import { resolveVariable } from '../code/variableResolution';
import { assessFunctionReference, type FunctionReferenceProblem } from './functionProblems';
import type { FunctionContext } from './functionNamespaces';
import { annotationMessage, findNamespaceAnnotation } from './namespaceAnnotation';
import { runtimeVariableInfo } from './runtimeVariables';

/** A finding in a function file, with the offsets it applies to. */
export interface FunctionDocumentProblem extends Omit<DocumentProblem, 'code'> {
  code: FunctionReferenceProblem['code'] | 'namespaceAnnotation' | 'runtimeVariableNotSet';
  connectionId?: string;
  namespace?: string;
}

/**
 * Every finding of a function, job or shared module file: each reference
 * checked per namespace and connection (`assessFunctionReference`), runtime
 * variables of the other kind (`FLUXBASE_JOB_ID` in a function), and the
 * `@fluxbase:namespace` annotation, which servers drop.
 */
export function findFunctionDocumentProblems(
  text: string,
  index: ReadonlyMap<string, readonly CatalogEntry[]>,
  signedInConnections: number,
  context: FunctionContext,
  now: Date,
): FunctionDocumentProblem[] {
  return runToEnd(functionDocumentProblemSteps(text, index, signedInConnections, context, now));
}

/** {@link findFunctionDocumentProblems} as steps (core/slicedWork.ts): one step per reference resolved. */
export function* functionDocumentProblemSteps(
  text: string,
  index: ReadonlyMap<string, readonly CatalogEntry[]>,
  signedInConnections: number,
  context: FunctionContext,
  now: Date,
): Steps<FunctionDocumentProblem[]> {
  const problems: FunctionDocumentProblem[] = [];
  const unit = context.unit;
  if (unit.kind !== 'shared') {
    const annotation = findNamespaceAnnotation(text, unit.kind);
    if (annotation) {
      problems.push({
        code: 'namespaceAnnotation',
        level: 'information',
        message: annotationMessage(annotation, unit),
        variable: '',
        namespace: annotation.namespace,
        start: annotation.start,
        end: annotation.end,
      });
    }
  }
  const kind = unit.kind === 'shared' ? undefined : unit.kind;
  for (const reference of scanSecretReferences(text)) {
    const { variable, literal } = reference;
    const at = { variable, start: literal.contentStart, end: literal.contentEnd };
    const entries = index.get(variable) ?? [];
    const runtime = entries.length === 0 ? runtimeVariableInfo(variable, kind) : undefined;
    if (runtime?.notSetFor && unit.kind !== 'shared') {
      problems.push({
        ...at,
        code: 'runtimeVariableNotSet',
        level: 'information',
        message: `${variable} is set only for ${runtime.notSetFor === 'function' ? 'jobs' : 'functions'}: ${unit.name} is a ${unit.kind}`,
      });
      continue;
    }
    for (const problem of assessFunctionReference(
      resolveVariable(variable, entries, now),
      context,
      signedInConnections,
      now,
    )) {
      problems.push({ ...problem, ...at });
    }
    yield;
  }
  return problems;
}
