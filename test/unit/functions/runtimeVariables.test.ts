import * as assert from 'node:assert/strict';
import { runtimeVariableInfo, runtimeVariablesFor } from '../../../src/core/functions/runtimeVariables';

describe('Runtime variables: what the Fluxbase runtime sets besides function secrets', () => {
  it('functions get the FUNCTION_ variables, jobs the JOB_ ones, both get URL and the service token', () => {
    const functionNames = runtimeVariablesFor('function').map((v) => v.name);
    assert.deepEqual(functionNames, [
      'FLUXBASE_URL',
      'FLUXBASE_EXECUTION_ID',
      'FLUXBASE_FUNCTION_NAME',
      'FLUXBASE_FUNCTION_NAMESPACE',
      'FLUXBASE_USER_TOKEN',
      'FLUXBASE_SERVICE_TOKEN',
      'FLUXBASE_FUNCTION_CANCELLED',
    ]);
    const jobNames = runtimeVariablesFor('job').map((v) => v.name);
    assert.deepEqual(jobNames, [
      'FLUXBASE_URL',
      'FLUXBASE_SERVICE_TOKEN',
      'FLUXBASE_JOB_ID',
      'FLUXBASE_JOB_NAME',
      'FLUXBASE_JOB_NAMESPACE',
      'FLUXBASE_JOB_TOKEN',
      'FLUXBASE_JOB_CANCELLED',
    ]);
    assert.equal(runtimeVariablesFor(undefined).length, 12);
  });

  it('meanings from the contract, including the empty namespace and the token shadowing', () => {
    assert.match(
      runtimeVariableInfo('FLUXBASE_FUNCTION_NAMESPACE', 'function')?.meaning ?? '',
      /empty for functions created by the server's filesystem loader/,
    );
    assert.match(
      runtimeVariableInfo('FLUXBASE_USER_TOKEN', 'function')?.meaning ?? '',
      /settings secret with key "token" would replace it/,
    );
    assert.match(runtimeVariableInfo('FLUXBASE_SERVICE_TOKEN', 'job')?.meaning ?? '', /bypasses row-level security/);
  });

  it('settings secrets: FLUXBASE_SETTING_<KEY> and FLUXBASE_USER_<KEY> with any key, not namespaced', () => {
    assert.match(
      runtimeVariableInfo('FLUXBASE_SETTING_OPENAI_KEY', 'function')?.meaning ?? '',
      /^System settings secret OPENAI_KEY/,
    );
    assert.match(
      runtimeVariableInfo('FLUXBASE_USER_OPENAI_KEY', 'job')?.meaning ?? '',
      /invoking user's settings secret/,
    );
    assert.equal(runtimeVariableInfo('FLUXBASE_SETTING_', 'function'), undefined);
  });

  it('a variable of the other kind says it is not set for this code', () => {
    assert.equal(runtimeVariableInfo('FLUXBASE_JOB_ID', 'function')?.notSetFor, 'function');
    assert.equal(runtimeVariableInfo('FLUXBASE_EXECUTION_ID', 'job')?.notSetFor, 'job');
    assert.equal(
      runtimeVariableInfo('FLUXBASE_USER_TOKEN', 'job')?.notSetFor,
      'job',
      'the runtime token, not a user setting',
    );
    assert.equal(runtimeVariableInfo('FLUXBASE_JOB_ID', undefined)?.notSetFor, undefined);
    assert.equal(runtimeVariableInfo('FLUXBASE_URL', 'job')?.notSetFor, undefined);
  });

  it('secrets and other variables are not runtime variables', () => {
    assert.equal(runtimeVariableInfo('FLUXBASE_SECRET_X', 'function'), undefined);
    assert.equal(runtimeVariableInfo('HOME', 'function'), undefined);
  });
});
