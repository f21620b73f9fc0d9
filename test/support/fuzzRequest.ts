/**
 * Assembles a fuzz request: the case's own headers plus header noise,
 * trimmed so that only the protocol cases meet Node's header limit.
 */
import type { RawRequest } from './fuzzHttp';
import { HeaderLine, headerNoise } from './fuzzParts';
import type { FuzzRandom } from './fuzzRandom';

/** Header bytes (with the target) a generated request may use, under Node's 16 KiB limit: only protocol cases meet 431. */
const HEADER_BUDGET = 14_000;

/** A request with header noise added, trimmed to the header budget. */
export function request(
  method: string,
  target: string,
  headers: HeaderLine[],
  body: Buffer | undefined,
  random: FuzzRandom,
): RawRequest {
  const lines = [...headers, ...headerNoise(random)];
  const lineSize = ([name, value]: HeaderLine): number => name.length + value.length + 4;
  let size = target.length + lines.reduce((sum, line) => sum + lineSize(line), 0);
  while (size > HEADER_BUDGET && lines.length > headers.length) size -= lineSize(lines.pop() as HeaderLine);
  return { method, target, headers: lines, body, chunked: random.chance(0.1) };
}
