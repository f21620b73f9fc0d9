import { connectionIdIn, type CommandArgument } from '../commandArgument';
import type { ClientPort } from '../connections/clientPort';
import type { Connection } from '../connections/connection';
import { sendsCredentialsInClear } from '../connections/transportSecurity';
import { confirm, type InputValidation } from '../userInput';
import { cliSignInChoice, signInWithCliProfile, type CliSignInMethod } from './cliProfileSignIn';
import { UserFacingError } from './commandErrors';
import type { CommandDeps } from './commandDeps';
import { resolveConnection } from './connectionTarget';
import { guardConnection } from './withClient';

type SignInMethod = 'password' | 'serviceKey' | 'accessToken' | CliSignInMethod;

const required =
  (what: string) =>
  (value: string): InputValidation | undefined =>
    value.trim() === '' ? { severity: 'error', message: `Enter ${what}` } : undefined;

/**
 * `fluxbaseSecrets.signIn`: signs in to a connection with email and password
 * (dashboard login, then the 2FA code when the server asks), a service key,
 * or a pasted access token. The credentials are checked against the server
 * (login itself, `stats()` for a key, `me()` for a token) before they are
 * stored, and plain http to another machine needs consent first. The
 * environment connection signs in with the environment's key, no questions.
 */
export function signInCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<void> => {
    const connection = await resolveConnection(deps, connectionIdIn(arg), 'any', 'Sign In');
    if (connection.source === 'environment') {
      deps.sessions.resumeEnvironment(connection.id);
      await deps.store.refresh(connection.id);
      return;
    }
    const title = `Sign In to ${connection.name}`;
    const cli = cliSignInChoice(deps.cliProfiles, connection);
    const method = await deps.input.pick<SignInMethod>(
      [
        ...cli.items,
        { label: 'Email and Password', description: 'a dashboard administrator account', value: 'password' },
        { label: 'Service Key', description: 'sent as X-Service-Key', value: 'serviceKey' },
        { label: 'Access Token', description: 'a dashboard access token you paste', value: 'accessToken' },
      ],
      { title, placeholder: cli.placeholder ?? 'How do you want to sign in?' },
    );
    if (sendsCredentialsInClear(connection.url)) {
      await confirm(
        deps.input,
        `Send credentials to ${connection.url} unencrypted?`,
        'This connection uses plain http to another machine: anyone on the network path can read the password, key or token. Use https unless you trust the network.',
        'Continue',
      );
    }
    const client = deps.sessions.newClient(connection);
    try {
      await authenticate(deps, connection, client, method, title);
      // Removed while the questions were open: its credentials must not be stored under an id nothing shows.
      if (!deps.registry.list().some((listed) => listed.id === connection.id)) {
        throw new UserFacingError(`"${connection.name}" was removed while you signed in: nothing was stored.`);
      }
      await deps.sessions.adopt(connection, client, { linked: method === 'cliProfile' });
    } catch (error) {
      await client.close().catch(() => undefined);
      throw error;
    }
    await deps.store.refresh(connection.id);
    void deps.notifier.info(`Signed in to "${connection.name}".`);
  };
}

async function authenticate(
  deps: CommandDeps,
  connection: Connection,
  client: ClientPort,
  method: SignInMethod,
  title: string,
): Promise<void> {
  const check = <T>(task: () => Promise<T>): Promise<T> =>
    deps.progress.withProgress(`Signing in to ${connection.name}…`, () => guardConnection(connection, task));
  switch (method) {
    case 'cliProfile':
      return signInWithCliProfile(deps.cliProfiles, connection, client, check, deps.logger, deps.clock.now());
    case 'password': {
      const email = await deps.input.inputText({ title, prompt: 'Email', validate: required('your email') });
      const password = await deps.input.inputText({
        title,
        prompt: 'Password',
        password: true,
        validate: (value) => (value === '' ? { severity: 'error', message: 'Enter your password' } : undefined),
      });
      const result = await check(() => client.auth.login({ email: email.trim(), password }));
      if (result.requires2fa) {
        const code = await deps.input.inputText({
          title,
          prompt: 'Two-factor authentication code from your authenticator app',
          placeholder: '123456',
          validate: (value) =>
            /^\d{6}$/.test(value.replace(/\s/g, ''))
              ? undefined
              : { severity: 'error', message: 'Enter the 6-digit code' },
        });
        await check(() => client.auth.verify2fa({ userId: result.userId, code: code.replace(/\s/g, '') }));
      }
      return;
    }
    case 'serviceKey': {
      const key = await deps.input.inputText({
        title,
        prompt: 'Service key (needs the read:secrets and write:secrets scopes to manage secrets)',
        password: true,
        validate: required('the service key'),
      });
      client.auth.useServiceKey(key.trim());
      await check(() => client.secrets.stats());
      return;
    }
    case 'accessToken': {
      const token = await deps.input.inputText({
        title,
        prompt: 'Dashboard access token',
        password: true,
        validate: required('the access token'),
      });
      client.auth.useAccessToken(token.trim());
      await check(() => client.auth.me());
      return;
    }
  }
}
