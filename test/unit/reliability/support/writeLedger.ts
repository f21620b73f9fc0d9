/**
 * The acknowledged writes of the crash tests, and the check that the data
 * folder still holds every one of them: a 201/200 the server sent is a
 * promise that the write is durable.
 */
import type { StoredSecret } from './storedSecrets';

/** A write the server acknowledged, with the version its answer carried. */
export type AckedWrite =
  | { readonly kind: 'create' | 'update'; readonly id: string; readonly version: number; readonly value: string }
  | { readonly kind: 'rollback'; readonly id: string; readonly version: number; readonly to: number };

function historyProblems(secret: StoredSecret): string[] {
  const versions = secret.history.map((row) => row.version);
  const contiguous = Array.from({ length: secret.version }, (_, i) => secret.version - i);
  const problems: string[] = [];
  if (versions[0] !== secret.version) {
    problems.push(`${secret.id}: version ${secret.version} but newest history row ${versions[0]}`);
  }
  if (JSON.stringify(versions) !== JSON.stringify(contiguous)) {
    problems.push(`${secret.id}: history ${versions.join(',')} is not ${secret.version}..1`);
  }
  if (secret.history[0] !== undefined && secret.history[0].value !== secret.value) {
    problems.push(`${secret.id}: current value differs from its newest history row`);
  }
  return problems;
}

function ackProblem(ack: AckedWrite, stored: ReadonlyMap<string, StoredSecret>): string | undefined {
  const secret = stored.get(ack.id);
  if (!secret) return `${ack.kind} of ${ack.id} (v${ack.version}) was acknowledged but the secret is gone`;
  if (secret.version < ack.version) return `${ack.id} is at v${secret.version}, below the acknowledged v${ack.version}`;
  const row = secret.history.find((candidate) => candidate.version === ack.version);
  if (!row) return `${ack.id} has no history row for the acknowledged v${ack.version}`;
  if (ack.kind !== 'rollback') return row.value === ack.value ? undefined : `${ack.id} v${ack.version} lost its value`;
  const target = secret.history.find((candidate) => candidate.version === ack.to);
  return target?.ciphertext === row.ciphertext ? undefined : `${ack.id} v${ack.version} is not a copy of v${ack.to}`;
}

/**
 * Everything wrong with the stored data: acknowledged writes that are
 * missing or changed, two acknowledgements of the same version (a lost
 * update), and secrets whose version is not their newest history row.
 */
export function durabilityProblems(acks: readonly AckedWrite[], stored: ReadonlyMap<string, StoredSecret>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const ack of acks) {
    const slot = `${ack.id} v${ack.version}`;
    if (seen.has(slot)) problems.push(`two acknowledged writes got ${slot}: one update was lost`);
    seen.add(slot);
    const problem = ackProblem(ack, stored);
    if (problem !== undefined) problems.push(problem);
  }
  for (const secret of stored.values()) problems.push(...historyProblems(secret));
  return problems;
}
