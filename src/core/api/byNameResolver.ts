/**
 * The by-name fallback (contract §1.3, §8.3). Path parameters are not decoded
 * upstream, so a name with a character outside `[A-Za-z0-9_.~-]` can never be
 * matched by the by-name routes, and older servers (WA) have no such routes.
 * A name made only of dots (`.`, `..`) is a dot-segment that a proxy or client
 * normalising the path turns into another route. All these cases find the
 * secret's id with one list call and use the ID routes.
 */
import { FluxbaseApiError } from './fluxbaseApiError';
import type { ListSecretsOptions, SecretByNameOptions, SecretSummary } from './secretTypes';

const ROUTABLE_NAME = /^[A-Za-z0-9_.~-]+$/;
const DOTS_ONLY = /^\.+$/;

/** Whether a secret name survives the trip through a by-name path unchanged (and addresses no other route). */
export function isRoutableName(name: string): boolean {
  return ROUTABLE_NAME.test(name) && !DOTS_ONLY.test(name);
}

/** Chooses between the by-name route and list + id, and remembers when the server lacks by-name routes. */
export class ByNameResolver {
  private byNameSupported = true;

  constructor(private readonly list: (options: ListSecretsOptions) => Promise<SecretSummary[]>) {}

  /**
   * Runs `viaName` when the by-name route can reach `name`; otherwise, or when
   * the server turns out to have no by-name routes, runs `viaId` with the id
   * that one list call finds.
   */
  async run<T>(
    name: string,
    options: SecretByNameOptions | undefined,
    viaName: () => Promise<T>,
    viaId: (id: string) => Promise<T>,
  ): Promise<T> {
    if (this.byNameSupported && isRoutableName(name)) {
      try {
        return await viaName();
      } catch (error) {
        if (!FluxbaseApiError.is(error, 'notFound') || !error.missingRoute) {
          throw error;
        }
        this.byNameSupported = false;
      }
    }
    return viaId(await this.findId(name, options?.namespace || undefined));
  }

  /** The id of the secret a by-name route would address: the global one, or the one in `namespace`. */
  private async findId(name: string, namespace: string | undefined): Promise<string> {
    const candidates = await this.list(namespace === undefined ? { scope: 'global' } : { namespace });
    const matches = candidates.filter(
      (secret) =>
        secret.name === name &&
        (namespace === undefined
          ? secret.scope === 'global'
          : secret.scope === 'namespace' && secret.namespace === namespace),
    );
    const [match, ...others] = matches;
    if (match === undefined) {
      throw new FluxbaseApiError('notFound', 'Secret not found');
    }
    if (others.length > 0) {
      // Older servers allow duplicate global names (contract §2.2); acting on an arbitrary one would be wrong.
      throw new FluxbaseApiError('conflict', 'More than one secret has this name in this scope; use its id');
    }
    return match.id;
  }
}
