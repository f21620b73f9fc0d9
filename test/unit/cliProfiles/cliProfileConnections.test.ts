import * as assert from 'node:assert/strict';
import { parseCliConfig, type CliConfig } from '../../../src/core/cliProfiles/cliConfig';
import {
  cliProfileConnections,
  cliSignInOf,
  cliWouldRefresh,
  describeCliSignIn,
} from '../../../src/core/cliProfiles/cliProfileConnections';
import { cliEnvironmentPairShadowed, environmentSignIn } from '../../../src/core/cliProfiles/environmentSignIn';
import { cliConfigYaml } from './support/cliHome';

function config(yaml = cliConfigYaml()): CliConfig {
  const parsed = parseCliConfig(yaml, 'config.yaml');
  assert.ok(parsed.ok);
  return parsed.config;
}

describe('CLI profiles as connections', () => {
  it('shows each profile as "CLI: <profile>", the current profile first, then file order', () => {
    const { entries, problems } = cliProfileConnections(config(), {});
    assert.deepEqual(problems, []);
    assert.deepEqual(
      entries.map((entry) => [entry.connection.name, entry.current, entry.offer]),
      [
        ['CLI: prod', true, 'keychain'],
        ['CLI: dev', false, 'accessToken'],
        ['CLI: ci', false, 'apiKey'],
      ],
    );
    assert.deepEqual(entries[0]?.connection, {
      id: 'cli:prod@https://fluxbase.example.com',
      name: 'CLI: prod',
      url: 'https://fluxbase.example.com',
      source: 'cli',
    });
  });

  it('lets FLUXBASE_PROFILE pick the current profile over current_profile', () => {
    const { entries } = cliProfileConnections(config(), { FLUXBASE_PROFILE: 'ci' });
    assert.deepEqual(
      entries.map((entry) => entry.profile),
      ['ci', 'dev', 'prod'],
    );
    assert.equal(entries[0]?.current, true);
  });

  it('reports a FLUXBASE_PROFILE the file does not have, and a profile without a valid server', () => {
    const yaml = cliConfigYaml({ devServer: 'ftp://nope' });
    const { entries, problems } = cliProfileConnections(config(yaml), { FLUXBASE_PROFILE: 'missing' });
    assert.deepEqual(
      entries.map((entry) => entry.profile),
      ['prod', 'ci'],
    );
    assert.deepEqual(problems, [
      "The Fluxbase CLI's FLUXBASE_PROFILE names a profile the file does not have",
      'The Fluxbase CLI profile "dev" has no valid http(s) "server"',
    ]);
  });

  it('points the current profile at FLUXBASE_SERVER when only that is set, as the CLI does', () => {
    const { entries } = cliProfileConnections(config(), { FLUXBASE_SERVER: 'https://other.example.com' });
    assert.equal(entries[0]?.connection.url, 'https://other.example.com');
    assert.equal(entries[0]?.connection.id, 'cli:prod@https://other.example.com');
    assert.equal(entries[1]?.connection.url, 'http://127.0.0.1:8080');
  });

  it('lets FLUXBASE_TOKEN alone replace the current profile’s tokens (also for a keychain profile)', () => {
    const parsed = config();
    const { entries } = cliProfileConnections(parsed, { FLUXBASE_TOKEN: 'env-token' });
    assert.equal(entries[0]?.offer, 'apiKey');
    assert.deepEqual(cliSignInOf(parsed.profiles[1]!, true, { FLUXBASE_TOKEN: 'env-token' }), {
      kind: 'apiKey',
      apiKey: 'env-token',
      fromEnvironment: true,
    });
    const dev = cliProfileConnections(parsed, { FLUXBASE_TOKEN: 'env-token', FLUXBASE_PROFILE: 'dev' }).entries[0];
    assert.equal(dev?.offer, 'apiKey');
  });

  it('applies neither to a profile when both FLUXBASE_SERVER and FLUXBASE_TOKEN are set (they make the environment connection)', () => {
    const env = { FLUXBASE_SERVER: 'https://other.example.com', FLUXBASE_TOKEN: 'env-token' };
    const { entries } = cliProfileConnections(config(), env);
    assert.equal(entries[0]?.connection.url, 'https://fluxbase.example.com');
    assert.equal(entries[0]?.offer, 'keychain');
  });

  it('reads what the CLI sends: the access token before an api key, nothing from a keychain profile', () => {
    const [dev, prod, ci] = config(cliConfigYaml({ expiresAt: 1000 })).profiles;
    assert.deepEqual(cliSignInOf(dev!, false, {}), {
      kind: 'accessToken',
      accessToken: 'dev-access-token',
      refreshToken: 'dev-refresh-token',
      expiresAt: 1000,
    });
    assert.equal(cliSignInOf(prod!, true, {}), undefined);
    assert.deepEqual(cliSignInOf(ci!, false, {}), { kind: 'apiKey', apiKey: 'ci-api-key', fromEnvironment: false });
    const both = config(
      'profiles:\n  x:\n    server: https://x.example\n    credentials:\n      access_token: a\n      api_key: k\n',
    );
    assert.equal(cliSignInOf(both.profiles[0]!, false, {})?.kind, 'accessToken');
  });

  it('refreshes when the CLI would: at most 60 s left, with an expiry and a refresh token', () => {
    const token = { kind: 'accessToken', accessToken: 'a', refreshToken: 'r', expiresAt: 1000 } as const;
    assert.equal(cliWouldRefresh(token, 939), false);
    assert.equal(cliWouldRefresh(token, 940), true);
    assert.equal(cliWouldRefresh(token, 5000), true);
    assert.equal(cliWouldRefresh({ kind: 'accessToken', accessToken: 'a', expiresAt: 1000 }, 5000), false);
    assert.equal(cliWouldRefresh({ kind: 'accessToken', accessToken: 'a', refreshToken: 'r' }, 5000), false);
    assert.equal(cliWouldRefresh({ kind: 'apiKey', apiKey: 'k', fromEnvironment: false }, 5000), false);
  });

  it('describes the credential used without its value', () => {
    const descriptions = [
      describeCliSignIn({ kind: 'accessToken', accessToken: 'SECRET-A', refreshToken: 'SECRET-R' }),
      describeCliSignIn({ kind: 'accessToken', accessToken: 'SECRET-A' }),
      describeCliSignIn({ kind: 'apiKey', apiKey: 'SECRET-K', fromEnvironment: false }),
      describeCliSignIn({ kind: 'apiKey', apiKey: 'SECRET-K', fromEnvironment: true }),
    ];
    assert.match(descriptions[0]!, /access token.*Bearer.*refreshed/);
    assert.match(descriptions[2]!, /api_key, sent as Authorization: Bearer/);
    assert.match(descriptions[3]!, /FLUXBASE_TOKEN/);
    assert.ok(descriptions.every((text) => !text.includes('SECRET')));
  });
});

describe('The environment connection', () => {
  it('comes from FLUXBASE_SERVER + FLUXBASE_TOKEN, the token sent as Bearer like the CLI', () => {
    const signIn = environmentSignIn({ FLUXBASE_SERVER: 'https://cli.example.com/', FLUXBASE_TOKEN: ' tok ' });
    assert.deepEqual(signIn?.connection, {
      id: 'environment',
      name: 'Environment',
      url: 'https://cli.example.com',
      source: 'environment',
    });
    assert.deepEqual(signIn?.credentials, { type: 'session', accessToken: 'tok' });
    assert.match(signIn?.description ?? '', /FLUXBASE_SERVER .*Authorization: Bearer/);
    assert.ok(!signIn?.description.includes('tok '));
  });

  it('prefers FLUXBASE_URL + FLUXBASE_SERVICE_TOKEN when both pairs are set, and says the CLI pair is unused', () => {
    const env = {
      FLUXBASE_URL: 'https://sdk.example.com',
      FLUXBASE_SERVICE_TOKEN: 'sk_key',
      FLUXBASE_SERVER: 'https://cli.example.com',
      FLUXBASE_TOKEN: 'tok',
    };
    const signIn = environmentSignIn(env);
    assert.equal(signIn?.connection.url, 'https://sdk.example.com');
    assert.deepEqual(signIn?.credentials, { type: 'serviceKey', key: 'sk_key' });
    assert.equal(cliEnvironmentPairShadowed(env), true);
    assert.equal(
      cliEnvironmentPairShadowed({ FLUXBASE_SERVER: 'https://cli.example.com', FLUXBASE_TOKEN: 't' }),
      false,
    );
  });

  it('needs both variables of a pair', () => {
    assert.equal(environmentSignIn({ FLUXBASE_SERVER: 'https://cli.example.com' }), undefined);
    assert.equal(environmentSignIn({ FLUXBASE_TOKEN: 'tok' }), undefined);
    assert.equal(environmentSignIn({ FLUXBASE_SERVER: 'not a url', FLUXBASE_TOKEN: 'tok' }), undefined);
  });
});
