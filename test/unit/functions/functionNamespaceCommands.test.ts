import * as assert from 'node:assert/strict';
import { UserFacingError } from '../../../src/core/commands/commandErrors';
import type { NamespaceMapping } from '../../../src/core/functions/declaredNamespaces';
import {
  copySyncCommand,
  setFunctionNamespaces,
  type ActiveFunctionPort,
} from '../../../src/core/functions/functionNamespaceCommands';
import type { TextInputOptions, UserInput } from '../../../src/core/userInput';
import { CHARGE } from './functionFixtures';

/** Answers the one text question with `answer`, keeping what was asked; `meanwhile` runs while the box is open. */
function answering(answer: string | undefined, meanwhile?: () => void): UserInput & { asked: TextInputOptions[] } {
  const asked: TextInputOptions[] = [];
  const fail = () => Promise.reject(new Error('unexpected question'));
  return {
    asked,
    inputText: (options) => {
      asked.push(options);
      meanwhile?.();
      return answer === undefined ? fail() : Promise.resolve(answer);
    },
    pick: fail,
    choose: fail,
    pickMany: fail,
  } as UserInput & { asked: TextInputOptions[] };
}

const notifier = {
  info: () => Promise.resolve(undefined),
  warn: () => Promise.resolve(undefined),
  error: () => Promise.resolve(undefined),
};

/** The settings of the active function's folder: `settings.mapping` is what they hold at each read. */
function activeWith(mapping: NamespaceMapping, written: unknown[], settings = { mapping }): ActiveFunctionPort {
  return {
    activeContext: () => undefined,
    contextOf: () => undefined,
    activeFunction: () =>
      Promise.resolve({
        unit: CHARGE,
        readMapping: () => settings.mapping,
        writeMapping: (next) => {
          written.push(next);
          return Promise.resolve();
        },
      }),
  };
}

describe('Set Function Namespaces… and the annotation actions', () => {
  it('asks with the declared namespaces filled in and writes the answer for the function file', async () => {
    const written: unknown[] = [];
    const input = answering(' billing , staging,billing ');
    const result = await setFunctionNamespaces({
      input,
      notifier,
      functions: activeWith({ [CHARGE.root]: ['billing'], other: ['x'] }, written),
    });
    assert.deepEqual(result, ['billing', 'staging']);
    assert.equal(input.asked[0]?.value, 'billing');
    assert.deepEqual(written, [{ [CHARGE.root]: ['billing', 'staging'], other: 'x' }]);
  });

  it('rejects words with spaces in the box; an empty answer removes the entry', async () => {
    const input = answering('');
    const written: unknown[] = [];
    await setFunctionNamespaces({ input, notifier, functions: activeWith({ [CHARGE.root]: ['a'] }, written) });
    assert.deepEqual(written, [{}]);
    assert.deepEqual(input.asked[0]?.validate?.('a, b c'), {
      severity: 'error',
      message: '"b c" is not a namespace name',
    });
    assert.equal(input.asked[0]?.validate?.('a, b'), undefined);
  });

  it('"Add to the namespace setting" adds the annotation namespace without asking', async () => {
    const written: unknown[] = [];
    const result = await setFunctionNamespaces(
      { input: answering(undefined), notifier, functions: activeWith({}, written) },
      'payments',
    );
    assert.deepEqual(result, ['payments']);
    assert.deepEqual(written, [{ [CHARGE.root]: 'payments' }]);
  });

  it('keeps the entries of other code edited in the settings while the box was open', async () => {
    const written: unknown[] = [];
    const settings = { mapping: { [CHARGE.root]: ['billing'] } as NamespaceMapping };
    // another function's namespaces are written to settings.json while the question is open
    const input = answering('billing, staging', () => {
      settings.mapping = { ...settings.mapping, 'fluxbase/functions/refund.ts': ['billing'] };
    });
    await setFunctionNamespaces({ input, notifier, functions: activeWith(settings.mapping, written, settings) });
    assert.deepEqual(written, [{ [CHARGE.root]: ['billing', 'staging'], 'fluxbase/functions/refund.ts': 'billing' }]);
  });

  it('outside a function it says what to open', async () => {
    await assert.rejects(
      setFunctionNamespaces({
        input: answering(undefined),
        notifier,
        functions: {
          activeFunction: () => Promise.resolve(undefined),
          activeContext: () => undefined,
          contextOf: () => undefined,
        },
      }),
      (error: unknown) => error instanceof UserFacingError && /Open a function or job first/.test(error.message),
    );
  });

  it('"Copy sync command" copies the CLI command for the namespace, quoted for a shell', async () => {
    const copied: string[] = [];
    const clipboard = { writeText: (text: string) => (copied.push(text), Promise.resolve()) };
    await copySyncCommand({ clipboard, notifier, functions: activeWith({}, []) }, 'pay ments');
    assert.deepEqual(copied, ["fluxbase functions sync --namespace 'pay ments'"]);
  });
});
