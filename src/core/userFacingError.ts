/**
 * A failure whose message is complete and needs no logs: shown as a warning,
 * as is. In the core root, below every feature, because the code features'
 * name writer throws it as well as the commands.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}
