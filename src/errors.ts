/**
 * Typed errors and the one place that turns any error into text a user may see.
 * The log gets the detail; users never see a stack trace, a path or a secret.
 */
export class GomezError extends Error {
  constructor(
    message: string,
    /** Safe to show to an end user as is. */
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A missing or malformed environment variable or option: stops start-up, names the variable. */
export class ConfigError extends GomezError {
  constructor(message: string) {
    super(message, message);
  }
}

/** A corpus file that cannot be parsed: names the file and line. */
export class CorpusError extends GomezError {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    const where = line === null ? file : `${file}:${line}`;
    super(`Malformed corpus file ${where}: ${detail}`, `The corpus file ${where} is malformed: ${detail}`);
  }
}

/**
 * The state store under DATA_DIR cannot be opened (damaged file, not writable, a directory where the
 * file should be): stops start-up with what is wrong and what to do, never a generic apology.
 */
export class StorageError extends GomezError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, message, options);
  }
}

/** Bad user input (empty question, unknown command option): shown to the user verbatim. */
export class InputError extends GomezError {
  constructor(userMessage: string) {
    super(userMessage, userMessage);
  }
}

/** The user asked too often; `retryAfterSeconds` tells them when to try again. */
export class RateLimitError extends GomezError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'rate limited',
      `You're asking faster than I can keep up. Please try again in ${retryAfterSeconds} s.`,
    );
  }
}

/** The database (PostgreSQL) cannot be reached: nothing was lost, the user should simply retry. */
export class StoreUnavailableError extends GomezError {
  constructor(options?: { cause?: unknown }) {
    super('state store unavailable', "I can't reach my database right now, so I can't answer. Please try again in a minute.", options);
  }
}

const GENERIC = 'Sorry, something went wrong on my side while answering. Please try again in a moment.';

/** The text a user may see for any error. */
export function userMessageFor(error: unknown): string {
  return error instanceof GomezError ? error.userMessage : GENERIC;
}
