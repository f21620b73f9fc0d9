import * as assert from 'node:assert/strict';
import { parseCliConfig } from '../../../src/core/cliProfiles/cliConfig';
import { cliConfigYaml } from './support/cliHome';

const FILE = '/home/you/.fluxbase/config.yaml';

describe("The Fluxbase CLI's config.yaml", () => {
  it('reads file and keychain profiles, their credentials and the current profile', () => {
    const result = parseCliConfig(cliConfigYaml({ expiresAt: 1712345678 }), FILE);
    assert.ok(result.ok);
    assert.deepEqual(result.problems, []);
    assert.equal(result.config.currentProfile, 'prod');
    assert.deepEqual(result.config.profiles, [
      {
        name: 'dev',
        server: 'http://127.0.0.1:8080',
        credentialStore: 'file',
        credentials: {
          accessToken: 'dev-access-token',
          refreshToken: 'dev-refresh-token',
          expiresAt: 1712345678,
        },
        userEmail: 'dev@example.com',
      },
      { name: 'prod', server: 'https://fluxbase.example.com/', credentialStore: 'keychain' },
      // No credential_store: the CLI treats it as the file store.
      { name: 'ci', server: 'https://ci.example.com', credentialStore: 'file', credentials: { apiKey: 'ci-api-key' } },
    ]);
  });

  it('gives one problem naming the file and the line of a YAML error, without quoting the file', () => {
    const yaml = [
      'version: "1"',
      'profiles:',
      '  dev:',
      '    server: x',
      '   credentials: {access_token: eyJsecret',
    ].join('\n');
    const result = parseCliConfig(yaml, FILE);
    assert.ok(!result.ok);
    assert.match(result.problem, /^\/home\/you\/\.fluxbase\/config\.yaml:5:\d+: not valid YAML \(.+\)$/);
    assert.ok(!result.problem.includes('eyJsecret'));
  });

  it('never quotes a token the parser would put in its message', () => {
    const result = parseCliConfig('profiles:\n  dev:\n    server: x\n  access_token: "unterminated eyJsecret\n', FILE);
    assert.ok(!result.ok);
    assert.ok(!result.problem.includes('eyJsecret'), result.problem);
    // The parser quotes the text it stumbled on after ": "; that part never reaches the problem.
    const quoted = parseCliConfig('profiles: [a, b]]eyJsecret\n', FILE);
    assert.ok(!quoted.ok);
    assert.equal(quoted.problem, `${FILE}:1:17: not valid YAML (Unexpected flow-seq-end token in YAML stream)`);
  });

  it('resolves aliases, and refuses one without its anchor without naming it', () => {
    const aliased = parseCliConfig(
      'shared: &creds\n  access_token: a\nprofiles:\n  dev:\n    server: https://x.example\n    credentials: *creds\n',
      FILE,
    );
    assert.ok(aliased.ok);
    assert.deepEqual(aliased.config.profiles[0]?.credentials, { accessToken: 'a' });
    const dangling = parseCliConfig('profiles:\n  dev:\n    server: x\n    credentials: *eyJsecret\n', FILE);
    assert.ok(!dangling.ok);
    assert.match(dangling.problem, /config\.yaml: not valid YAML \(an alias without its anchor/);
    assert.ok(!dangling.problem.includes('eyJsecret'));
  });

  it('refuses a repeated key, as the CLI’s yaml.v3 does', () => {
    const result = parseCliConfig('current_profile: a\ncurrent_profile: b\n', FILE);
    assert.ok(!result.ok);
    assert.match(result.problem, /config\.yaml:2:1:/);
  });

  it('reads an empty file as no profiles, and a file that is not a mapping as one problem', () => {
    const empty = parseCliConfig('', FILE);
    assert.ok(empty.ok);
    assert.deepEqual(empty.config.profiles, []);
    const list = parseCliConfig('- a\n- b\n', FILE);
    assert.ok(!list.ok);
    assert.match(list.problem, /config\.yaml:1:1: the Fluxbase CLI configuration must be a mapping/);
  });

  it('leaves out a profile of the wrong shape, with its line, and keeps the others', () => {
    const result = parseCliConfig(
      'profiles:\n  broken: just a string\n  ok:\n    server: https://ok.example.com\n',
      FILE,
    );
    assert.ok(result.ok);
    assert.deepEqual(
      result.config.profiles.map((profile) => profile.name),
      ['ok'],
    );
    assert.deepEqual(result.problems, [`${FILE}:2:3: each profile must be a mapping under its name`]);
  });

  it('keeps no credentials block when it holds no token (signed out)', () => {
    const result = parseCliConfig(
      'profiles:\n  out:\n    server: https://x.example.com\n    credentials:\n      expires_at: 0\n',
      FILE,
    );
    assert.ok(result.ok);
    assert.equal(result.config.profiles[0]?.credentials, undefined);
  });
});
