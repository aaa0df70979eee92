import { GomezError } from '../errors.ts';

/** Why a model call did not give a usable result; logged, never shown to users (they get the fallback). */
export type ModelFailureReason =
  | 'timeout'
  | 'rate-limited'
  | 'server-error'
  | 'http-error'
  | 'unreachable'
  | 'malformed-response'
  | 'invalid-answer'
  | 'aborted'
  | 'unknown';

/** A model call failed; callers fall back to the extractive path. */
export class ModelError extends GomezError {
  constructor(
    readonly reason: ModelFailureReason,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`model call failed (${reason}): ${message}`, 'The language model is unavailable right now.', options);
  }
}

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null && name in error ? Reflect.get(error, name) : undefined;
}

/** Error message with the API key (if it appears anywhere) blanked out. */
export function redactedMessage(error: unknown, secret: string | undefined): string {
  const raw = error instanceof Error ? error.message : String(error);
  const text = secret && secret.length >= 4 ? raw.split(secret).join('[redacted]') : raw;
  return text.replace(/\bsk-[A-Za-z0-9_*-]{6,}/g, 'sk-[redacted]').slice(0, 300);
}

/**
 * Maps whatever the OpenAI client or LangChain threw into a ModelError with a reason.
 * `deadlinePassed` is true when our own deadline aborted the call.
 */
export function classifyModelError(error: unknown, deadlinePassed: boolean, secret?: string): ModelError {
  if (error instanceof ModelError) return error;
  const message = redactedMessage(error, secret);
  if (deadlinePassed) return new ModelError('timeout', message, undefined, { cause: error });
  const status = field(error, 'status');
  const name = error instanceof Error ? error.name : '';
  const constructorName = error instanceof Error ? error.constructor.name : '';
  if (typeof status === 'number') {
    if (status === 429) return new ModelError('rate-limited', message, status);
    if (status >= 500) return new ModelError('server-error', message, status);
    return new ModelError('http-error', message, status);
  }
  if (name === 'TimeoutError' || constructorName === 'APIConnectionTimeoutError') {
    return new ModelError('timeout', message);
  }
  if (name === 'AbortError' || constructorName === 'APIUserAbortError') return new ModelError('aborted', message);
  if (constructorName === 'APIConnectionError' || /ECONNREFUSED|ECONNRESET|ENOTFOUND|connection error/i.test(message)) {
    return new ModelError('unreachable', message);
  }
  if (error instanceof SyntaxError || /JSON|Unexpected token|Unexpected end/i.test(message)) {
    return new ModelError('malformed-response', message);
  }
  return new ModelError('unknown', message);
}
