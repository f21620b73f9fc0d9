/**
 * The port through which command handlers ask the person something. The host
 * implements it with input boxes, quick picks and modal messages; tests pass a
 * scripted fake. Every method rejects with a {@link UserCancelledError} when
 * the person dismisses the question, so handlers read as straight lines and
 * the command wrapper can stay silent on cancellation.
 */

/**
 * How an answer is judged while it is typed: an error blocks accepting it, a
 * warning only warns, an info only says what the answer will mean (a live
 * preview).
 */
export interface InputValidation {
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/** A question answered by typing. */
export interface TextInputOptions {
  title: string;
  prompt: string;
  placeholder?: string;
  /** The answer already filled in. */
  value?: string;
  /** Hide what is typed (secret values, passwords, keys, tokens). */
  password?: boolean;
  /** Judges the current text; undefined means fine. */
  validate?: (value: string) => InputValidation | undefined;
  /** A step of a multi-step flow after the first: offer Back, which rejects with a {@link UserWentBackError}. */
  backButton?: boolean;
}

/** One choice of a pick. */
export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

/** A question answered by choosing one item. */
export interface PickOptions {
  title: string;
  placeholder?: string;
  /** Also match on `description` and `detail` while filtering. */
  matchOnDetails?: boolean;
  /** A step of a multi-step flow after the first: offer Back, which rejects with a {@link UserWentBackError}. */
  backButton?: boolean;
  /** The index of the item highlighted when the pick opens (what was chosen before going Back). */
  activeIndex?: number;
}

/** A modal question with one or more buttons; dismissing it cancels. */
export interface ChoiceOptions<T extends string> {
  message: string;
  detail?: string;
  choices: readonly T[];
}

/** One choice of a multi-select pick; `picked` items start checked. */
export interface PickManyItem<T> {
  label: string;
  description?: string;
  detail?: string;
  picked: boolean;
  value: T;
}

/** The questions a command may ask. */
export interface UserInput {
  inputText(options: TextInputOptions): Promise<string>;
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T>;
  /** A pick with check boxes; resolves to the checked items' values. */
  pickMany<T>(items: readonly PickManyItem<T>[], options: { title: string; placeholder?: string }): Promise<T[]>;
  /** A modal message whose buttons are `choices`; resolves to the chosen one. */
  choose<T extends string>(options: ChoiceOptions<T>): Promise<T>;
}

const cancelledBrand = Symbol.for('fluxbaseSecrets.userCancelled');

/** The person dismissed a question. Never shown: the command wrapper ends the command silently. */
export class UserCancelledError extends Error {
  override readonly name = 'UserCancelledError';
  readonly [cancelledBrand] = true;

  constructor(message = 'Cancelled') {
    super(message);
  }
}

/**
 * Whether `error` means "the person cancelled". Checked by a global symbol,
 * not `instanceof`, so a fake built from another copy of this module (an
 * integration test outside the extension bundle) is recognised too.
 */
export function isUserCancelled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[cancelledBrand] === true;
}

const wentBackBrand = Symbol.for('fluxbaseSecrets.userWentBack');

/** The person pressed Back in a step of a multi-step flow: the flow asks the previous step again. */
export class UserWentBackError extends Error {
  override readonly name = 'UserWentBackError';
  readonly [wentBackBrand] = true;

  constructor() {
    super('Back');
  }
}

/** Whether `error` means "the person pressed Back" (by a global symbol, as {@link isUserCancelled}). */
export function isUserWentBack(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[wentBackBrand] === true;
}

/** A modal confirmation with one button; resolves when confirmed, rejects with UserCancelledError otherwise. */
export async function confirm(input: UserInput, message: string, detail: string, confirmLabel: string): Promise<void> {
  await input.choose({ message, detail, choices: [confirmLabel] });
}
