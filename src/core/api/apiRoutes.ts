/**
 * The request targets of the Fluxbase API (contract §1.1, §3.5 A). Each route
 * has the encoded path to send and a shape with placeholders, which is what
 * the request log shows, so names and ids stay out of the log.
 */

/** One request target: `path` is sent (already percent-encoded), `shape` is logged. */
export interface ApiRoute {
  path: string;
  shape: string;
}

const SECRETS = '/api/v1/secrets';

/** A path segment exactly as the SDK sends it. */
const segment = (value: string | number): string => encodeURIComponent(String(value));

/** Builders for every route the client calls. */
export const apiRoutes = {
  secrets: (): ApiRoute => ({ path: SECRETS, shape: SECRETS }),
  stats: (): ApiRoute => ({ path: `${SECRETS}/stats`, shape: `${SECRETS}/stats` }),
  secretById: (id: string): ApiRoute => ({ path: `${SECRETS}/${segment(id)}`, shape: `${SECRETS}/:id` }),
  versionsById: (id: string): ApiRoute => ({
    path: `${SECRETS}/${segment(id)}/versions`,
    shape: `${SECRETS}/:id/versions`,
  }),
  rollbackById: (id: string, version: number): ApiRoute => ({
    path: `${SECRETS}/${segment(id)}/rollback/${segment(version)}`,
    shape: `${SECRETS}/:id/rollback/:version`,
  }),
  secretByName: (name: string): ApiRoute => ({
    path: `${SECRETS}/by-name/${segment(name)}`,
    shape: `${SECRETS}/by-name/:name`,
  }),
  versionsByName: (name: string): ApiRoute => ({
    path: `${SECRETS}/by-name/${segment(name)}/versions`,
    shape: `${SECRETS}/by-name/:name/versions`,
  }),
  rollbackByName: (name: string, version: number): ApiRoute => ({
    path: `${SECRETS}/by-name/${segment(name)}/rollback/${segment(version)}`,
    shape: `${SECRETS}/by-name/:name/rollback/:version`,
  }),
  functions: (): ApiRoute => fixed('/api/v1/functions/'),
  jobFunctions: (): ApiRoute => fixed('/api/v1/admin/jobs/functions'),
  login: (): ApiRoute => fixed('/dashboard/auth/login'),
  verify2fa: (): ApiRoute => fixed('/dashboard/auth/2fa/verify'),
  refresh: (): ApiRoute => fixed('/dashboard/auth/refresh'),
  me: (): ApiRoute => fixed('/dashboard/auth/me'),
};

function fixed(path: string): ApiRoute {
  return { path, shape: path };
}
