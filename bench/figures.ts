/** The shapes in which every benchmark reports its figures (written to bench-results.json). */
import { median, opsPerSecond } from './stats';

/** One variant of a comparison: its runs and their median. */
export interface VariantFigure {
  /** Operations per run. */
  operations: number;
  medianMs: number;
  opsPerSecond: number;
  samplesMs: number[];
}

/** A target and whether the latest figure met it. */
export interface TargetCheck {
  description: string;
  met: boolean;
}

/** Summarises the runs of one variant that did `operations` operations each. */
export function variantFigure(operations: number, samplesMs: number[]): VariantFigure {
  const medianMs = median(samplesMs);
  return { operations, medianMs, opsPerSecond: opsPerSecond(operations, medianMs), samplesMs };
}
