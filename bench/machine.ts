/** What the benchmark ran on, for the results file and BENCHMARKS.md. */
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';

/** A description of this machine at the start of the run. */
export interface MachineInfo {
  cores: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  os: string;
  /** 1, 5 and 15 minute load averages when the run started: other work competes for the cores. */
  loadAverage: number[];
}

/** Describes this machine now. */
export function describeMachine(): MachineInfo {
  return {
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}
