/**
 * A problem with what the user gave us (a file, an input, a config). Printed as one line, never with a
 * stack trace. Anything else that escapes is our bug and is reported as such.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly file?: string,
    readonly position?: string,
  ) {
    super(message);
  }

  /** One line: `file:position: message`. */
  format(): string {
    const where = [this.file, this.position].filter(Boolean).join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

export function errorMessage(e: unknown): string {
  if (isUserError(e)) return e.format();
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * The CLI's last word on a failure: a user error is one line and exit 2; anything else is our bug,
 * reported with its stack, exit 3.
 */
export function reportFailure(e: unknown, error: (message: string) => void): 2 | 3 {
  if (isUserError(e)) {
    error(errorMessage(e));
    return 2;
  }
  error(`internal error (please report): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return 3;
}
