import * as assert from 'node:assert/strict';
import { isSecretRef as isPanelSecretRef, type SecretRef as ExplorerSecretRef } from '../../../src/shared/secretRef';

type PanelSecretRef = ExplorerSecretRef;
import {
  isHistoryPageState,
  isHostToWebviewMessage,
  isWebviewToHostMessage,
  type HostToWebviewMessage,
  type WebviewToHostMessage,
} from '../../../src/shared/historyProtocol';
import { sampleView, stripeRef } from './historyFixtures';

type Json = Record<string, unknown>;

const globalRef: PanelSecretRef = { connectionId: 'c', id: 'i', name: 'API_KEY', scope: 'global' };

const validHostMessages: Record<HostToWebviewMessage['type'], HostToWebviewMessage> = {
  loading: { type: 'loading', ref: stripeRef },
  history: { type: 'history', ref: stripeRef, view: sampleView(), pendingRollback: 1 },
  error: { type: 'error', ref: globalRef, message: 'Server error (500): boom' },
  signedOut: { type: 'signedOut', ref: stripeRef, canSignIn: true },
  deleted: { type: 'deleted', ref: stripeRef },
  notice: { type: 'notice', severity: 'info', text: 'Rolled back.' },
};

const validPageMessages: Record<WebviewToHostMessage['type'], WebviewToHostMessage> = {
  ready: { type: 'ready' },
  refresh: { type: 'refresh' },
  rollback: { type: 'rollback', version: 1 },
  copyAuthorId: { type: 'copyAuthorId', version: 2 },
  signIn: { type: 'signIn' },
  close: { type: 'close' },
};

function clone(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** Paths (in a JSON value) of every property whose removal or retyping must make the message invalid. */
function requiredPaths(value: unknown, optional: ReadonlySet<string>, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  const paths: string[][] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, key];
    if (!optional.has(key)) {
      paths.push(path);
    }
    paths.push(...requiredPaths(child, optional, path));
  }
  return paths;
}

function mutate(message: unknown, path: string[], replacement: unknown): Json {
  const copy = clone(message);
  let target: Json = copy;
  for (const key of path.slice(0, -1)) {
    target = target[key] as Json;
  }
  const last = path[path.length - 1] as string;
  if (replacement === undefined) {
    delete target[last];
  } else {
    target[last] = replacement;
  }
  return copy;
}

function wrongTypeFor(value: unknown): unknown {
  return typeof value === 'string' ? 42 : 'not the right type';
}

describe('history protocol guards', () => {
  const optionalKeys = new Set(['namespace', 'description', 'expires', 'pendingRollback', 'connection', 'usage']);

  describe('host → page', () => {
    for (const [type, message] of Object.entries(validHostMessages)) {
      it(`accepts a well-formed "${type}" message`, () => {
        assert.equal(isHostToWebviewMessage(clone(message)), true);
      });

      for (const path of requiredPaths(message, optionalKeys)) {
        it(`rejects a "${type}" message without ${path.join('.')}`, () => {
          assert.equal(isHostToWebviewMessage(mutate(message, path, undefined)), false);
        });
        it(`rejects a "${type}" message whose ${path.join('.')} has the wrong type`, () => {
          const current = path.reduce<unknown>((node, key) => (node as Json)[key], message);
          assert.equal(isHostToWebviewMessage(mutate(message, path, wrongTypeFor(current))), false);
        });
      }
    }

    it('accepts the optional fields left out', () => {
      const { namespace: _n, description: _d, expires: _e, connection: _c, usage: _u, ...view } = sampleView();
      assert.equal(
        isHostToWebviewMessage({ type: 'history', ref: globalRef, view: { ...view, scope: 'global' } }),
        true,
      );
    });

    it('rejects optional fields of the wrong type', () => {
      const view = sampleView();
      for (const bad of [
        { ...validHostMessages.history, pendingRollback: 0 },
        { ...validHostMessages.history, pendingRollback: 1.5 },
        { ...validHostMessages.history, view: { ...view, description: 7 } },
        { ...validHostMessages.history, view: { ...view, expires: { ...view.updated } } },
        { ...validHostMessages.history, view: { ...view, namespace: null } },
        { ...validHostMessages.history, view: { ...view, usage: { indexed: false, readers: [] } } },
        {
          ...validHostMessages.history,
          view: {
            ...view,
            usage: { indexed: true, readers: [{ kind: 'module', name: 'a', path: 'a', references: 1 }] },
          },
        },
        {
          ...validHostMessages.history,
          view: { ...view, usage: { indexed: true, readers: [{ kind: 'file', name: 'a', path: 'a', references: 0 }] } },
        },
        { ...validHostMessages.history, view: { ...view, connection: 'prod' } },
        { ...validHostMessages.history, view: { ...view, connection: { name: 'prod' } } },
      ]) {
        assert.equal(isHostToWebviewMessage(bad), false, JSON.stringify(bad));
      }
    });

    it('rejects unknown kinds, non-objects and arrays', () => {
      for (const bad of [
        { type: 'value', ref: stripeRef, value: 'x' },
        { type: 'History', ref: stripeRef, view: sampleView() },
        { ref: stripeRef },
        null,
        undefined,
        'history',
        42,
        [validHostMessages.loading],
      ]) {
        assert.equal(isHostToWebviewMessage(bad), false, JSON.stringify(bad));
      }
    });

    it('rejects an author whose id does not fit its kind, or of an unknown kind', () => {
      const view = sampleView();
      const [you, other, unknown] = view.versions;
      assert.ok(you && other && unknown);
      for (const author of [
        { ...unknown.author, id: 'user-9' },
        { ...other.author, kind: 'admin' },
        { kind: 'user', label: 'abc', description: 'User id abc' },
        'user-2',
      ]) {
        const rows: unknown[] = [you, { ...other, author }, unknown];
        assert.equal(
          isHostToWebviewMessage({ ...validHostMessages.history, view: { ...view, versions: rows } }),
          false,
          JSON.stringify(author),
        );
      }
    });

    it('rejects a notice of an unknown severity', () => {
      assert.equal(isHostToWebviewMessage({ type: 'notice', severity: 'warning', text: 'x' }), false);
    });

    it('rejects a huge versions array with one wrong item, and accepts it when all are right', () => {
      const view = sampleView();
      const row = view.versions[1];
      const rows = Array.from({ length: 50_000 }, (_, index) => ({ ...row, version: index + 1 }));
      assert.equal(isHostToWebviewMessage({ ...validHostMessages.history, view: { ...view, versions: rows } }), true);
      const broken = [...rows.slice(0, -1), { ...row, version: '50000' }];
      assert.equal(
        isHostToWebviewMessage({ ...validHostMessages.history, view: { ...view, versions: broken } }),
        false,
      );
      const strings = Array.from({ length: 50_000 }, () => 'v1');
      assert.equal(
        isHostToWebviewMessage({ ...validHostMessages.history, view: { ...view, versions: strings } }),
        false,
      );
    });

    it('rejects versions that is not an array', () => {
      const view = sampleView();
      const asObject = { ...view, versions: { 0: view.versions[0], length: 1 } };
      assert.equal(isHostToWebviewMessage({ ...validHostMessages.history, view: asObject }), false);
    });

    it('rejects a namespace ref without its namespace', () => {
      const { namespace: _namespace, ...withoutNamespace } = stripeRef;
      assert.equal(isHostToWebviewMessage({ type: 'loading', ref: withoutNamespace }), false);
    });
  });

  describe('page → host', () => {
    for (const [type, message] of Object.entries(validPageMessages)) {
      it(`accepts a well-formed "${type}" message`, () => {
        assert.equal(isWebviewToHostMessage(clone(message)), true);
      });
    }

    it('rejects rollback and copy versions that are missing, not integers or below 1', () => {
      for (const type of ['rollback', 'copyAuthorId']) {
        for (const version of [undefined, '1', 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, null]) {
          assert.equal(isWebviewToHostMessage({ type, version }), false, `${type} ${String(version)}`);
        }
      }
    });

    it('rejects a copy request that carries the text to copy instead of a version', () => {
      assert.equal(isWebviewToHostMessage({ type: 'copyAuthorId', text: 'anything' }), false);
    });

    it('rejects unknown kinds, host kinds, non-objects and arrays', () => {
      for (const bad of [
        { type: 'getValue' },
        { type: 'READY' },
        { type: 'history', ref: stripeRef, view: sampleView() },
        {},
        null,
        'ready',
        7,
        [{ type: 'ready' }],
      ]) {
        assert.equal(isWebviewToHostMessage(bad), false, JSON.stringify(bad));
      }
    });
  });

  describe('secret refs and page state', () => {
    it('accepts global and namespace refs', () => {
      assert.equal(isPanelSecretRef(globalRef), true);
      assert.equal(isPanelSecretRef(stripeRef), true);
    });

    it('rejects refs with a wrong scope or missing fields', () => {
      for (const bad of [
        { ...globalRef, scope: 'all' },
        { ...globalRef, id: 5 },
        { connectionId: 'c', id: 'i', scope: 'global' },
        { ...stripeRef, namespace: undefined },
      ]) {
        assert.equal(isPanelSecretRef(bad), false, JSON.stringify(bad));
      }
    });

    it('accepts the page state it saves and rejects anything else', () => {
      assert.equal(isHistoryPageState({ ref: stripeRef, scrollY: 120 }), true);
      for (const bad of [
        undefined,
        { ref: stripeRef },
        { ref: stripeRef, scrollY: Number.NaN },
        { ref: { id: 'x' }, scrollY: 0 },
        { scrollY: 0 },
      ]) {
        assert.equal(isHistoryPageState(bad), false, JSON.stringify(bad));
      }
    });

    it('accepts the first-state flag the page saves only as a boolean', () => {
      assert.equal(isHistoryPageState({ ref: stripeRef, scrollY: 0, firstStateDrawn: true }), true);
      for (const flag of ['true', 1, null, {}]) {
        assert.equal(isHistoryPageState({ ref: stripeRef, scrollY: 0, firstStateDrawn: flag }), false, String(flag));
      }
    });

    it('keeps the wire ref structurally identical to the core SecretRef', () => {
      // Compile-time check: each type must be assignable to the other.
      const fromCore: PanelSecretRef = stripeRef satisfies ExplorerSecretRef;
      const fromWire: ExplorerSecretRef = globalRef satisfies PanelSecretRef;
      assert.ok(fromCore && fromWire);
    });
  });
});
