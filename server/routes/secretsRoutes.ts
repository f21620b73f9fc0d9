/**
 * The route table of /api/v1/secrets in upstream's registration order (EU
 * `handler.go RegisterRoutes`): `/stats` and the by-name routes come before
 * `/:id`, so they win. Each route names its scope and the prefix of its 500
 * message (contract §1.5).
 */
import type { Route } from '../http/router';
import type { SecretsScope } from '../auth/secretsAuth';
import * as handlers from './secretsHandlers';

/** What a secrets route runs, with its scope and failure text. */
export interface SecretsRoute {
  readonly scope: SecretsScope;
  readonly failure: string;
  readonly handler: handlers.SecretsHandler;
}

/** The path prefix behind which authentication always runs. */
export const SECRETS_PREFIX = '/api/v1/secrets';

const READ = 'read:secrets';
const WRITE = 'write:secrets';
const P = SECRETS_PREFIX;

function route(
  method: string,
  pattern: string,
  scope: SecretsScope,
  failure: string,
  handler: handlers.SecretsHandler,
): Route<SecretsRoute> {
  return { method, pattern, value: { scope, failure, handler } };
}

/** All thirteen routes. */
export const SECRETS_ROUTES: readonly Route<SecretsRoute>[] = [
  route('GET', P, READ, 'Failed to list secrets', handlers.listSecrets),
  route('GET', `${P}/stats`, READ, 'Failed to get stats', handlers.secretStats),
  route('GET', `${P}/by-name/:name`, READ, 'Failed to get secret', handlers.getSecretByName),
  route('PUT', `${P}/by-name/:name`, WRITE, 'Failed to update secret', handlers.updateSecretByName),
  route('DELETE', `${P}/by-name/:name`, WRITE, 'Failed to delete secret', handlers.deleteSecretByName),
  route('GET', `${P}/by-name/:name/versions`, READ, 'Failed to get versions', handlers.secretVersionsByName),
  route('POST', `${P}/by-name/:name/rollback/:version`, WRITE, 'Failed to rollback', handlers.rollbackSecretByName),
  route('GET', `${P}/:id`, READ, 'Failed to get secret', handlers.getSecret),
  route('GET', `${P}/:id/versions`, READ, 'Failed to get versions', handlers.secretVersions),
  route('POST', P, WRITE, 'Failed to create secret', handlers.createSecret),
  route('PUT', `${P}/:id`, WRITE, 'Failed to update secret', handlers.updateSecret),
  route('DELETE', `${P}/:id`, WRITE, 'Failed to delete secret', handlers.deleteSecret),
  route('POST', `${P}/:id/rollback/:version`, WRITE, 'Failed to rollback', handlers.rollbackSecret),
];
