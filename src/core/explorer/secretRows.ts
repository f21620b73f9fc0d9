import type { SecretSummary } from '../api/secretTypes';
import { expiryStateOf } from '../../shared/expiry';
import type { SecretNode, SecretRows } from './explorerNodes';
import { secretDescription } from './nodeDescriptions';
import { STEP_SECRETS, type OverrideIndex } from './overrides';
import type { Steps } from '../slicedWork';
import { secretRefOf } from './secretRef';
import type { ConnectionState } from './secretsStore';

/** What every secret row of one connection is built with: the state, the time, and its override index. */
export interface SecretRowContext {
  state: ConnectionState;
  now: Date;
  overrides: OverrideIndex;
  /** One string per distinct description, shared by the rows that show it. */
  descriptions: Map<string, string>;
}

/**
 * The rows of a group's secrets, already in display order: what each shows, without building its node;
 * a step per {@link STEP_SECRETS} rows.
 */
export function* secretRowsSteps(secrets: readonly SecretSummary[], context: SecretRowContext): Steps<SecretRows> {
  const descriptions: string[] = [];
  for (let i = 0; i < secrets.length; i++) {
    if (i > 0 && i % STEP_SECRETS === 0) yield;
    descriptions.push(rowDescription(secrets[i] as SecretSummary, context));
  }
  return { secrets, descriptions };
}

/**
 * Gives `group` a `children` property that builds its secret nodes from
 * `group.rows` when first read and keeps them. It is not enumerable, so
 * copying or comparing a tree reads the rows instead of building the nodes.
 */
export function defineLazySecretChildren(
  group: { id: string; rows?: SecretRows; children?: unknown },
  context: SecretRowContext,
): void {
  let built: SecretNode[] | undefined;
  Object.defineProperty(group, 'children', {
    configurable: true,
    enumerable: false,
    get: (): SecretNode[] => {
      const rows = group.rows ?? { secrets: [], descriptions: [] };
      built ??= rows.secrets.map((secret, i) => secretNode(secret, group.id, rows.descriptions[i] ?? '', context));
      return built;
    },
  });
}

/** The row's description (nodeDescriptions.ts), one shared string per distinct text. */
function rowDescription(secret: SecretSummary, context: SecretRowContext): string {
  const expiry = expiryStateOf(secret, context.now);
  const overridesGlobal = context.overrides.overriddenGlobals(secret).length > 0;
  const description = secretDescription(secret, expiry, overridesGlobal, context.now);
  const shared = context.descriptions.get(description);
  if (shared !== undefined) {
    return shared;
  }
  context.descriptions.set(description, description);
  return description;
}

function secretNode(
  secret: SecretSummary,
  parentId: string,
  description: string,
  context: SecretRowContext,
): SecretNode {
  const { state, now } = context;
  return {
    kind: 'secret',
    id: `${parentId}/${pathSegment(secret.id)}`,
    connectionId: state.id,
    label: secret.name,
    description,
    ref: secretRefOf(state.id, secret),
    secret,
    expiry: expiryStateOf(secret, now),
    overrides: context.overrides.overriddenGlobals(secret),
    overriddenIn: context.overrides.overridingNamespaces(secret),
  };
}

/** Characters that `encodeURIComponent` leaves as they are. */
const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]*$/;

/** `encodeURIComponent(text)`, without its cost for the usual text (a UUID) that it would not change. */
export function pathSegment(text: string): string {
  return UNRESERVED.test(text) ? text : encodeURIComponent(text);
}
