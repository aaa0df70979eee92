/**
 * Turns log fields into plain JSON-safe data before they reach pino: errors become objects that keep
 * the platform's own error codes (Slack `data.error`, Discord `code`/`status`, Node `code`, HTTP
 * status), cycles become "[Circular]", BigInt becomes a string, and every string is passed through
 * redactText. Never throws: logging must not be what takes the bot down.
 */
import { redactText } from './redact-text.ts';

const MAX_DEPTH = 6;
const MAX_CAUSES = 3;

export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  /** Node / library error code (e.g. ECONNRESET, slack_webapi_platform_error, Discord's 50013). */
  code?: string | number;
  /** The platform's own reason: Slack's `{ ok: false, error: "channel_not_found" }`. */
  platformError?: string;
  /** Slack's `response_metadata.messages` / Discord's error detail, when present. */
  platformDetail?: unknown;
  status?: number;
  /** Our own failure reasons (ModelError, ChannelUnreachableError…). */
  reason?: string;
  cause?: SerializedError | string;
}

function readProp(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined; // a throwing getter must not break the log line
  }
}

/** An error as plain data; `withStack: false` for expected refusals (rate limits, bad input). */
export function serializeError(error: Error, options: { withStack?: boolean } = {}, depth = 0): SerializedError {
  const out: SerializedError = { type: error.name || error.constructor?.name || 'Error', message: redactText(String(error.message ?? '')) };
  if (options.withStack !== false && error.stack) out.stack = redactText(error.stack);
  const code = readProp(error, 'code');
  if (typeof code === 'string' || typeof code === 'number') out.code = typeof code === 'string' ? redactText(code) : code;
  const status = readProp(error, 'status') ?? readProp(error, 'statusCode');
  if (typeof status === 'number') out.status = status;
  const reason = readProp(error, 'reason');
  if (typeof reason === 'string') out.reason = reason;
  const data = readProp(error, 'data');
  if (data && typeof data === 'object') {
    const platformError = readProp(data, 'error');
    if (typeof platformError === 'string') out.platformError = platformError;
    const metadata = readProp(data, 'response_metadata');
    if (metadata !== undefined) out.platformDetail = toLogValue(metadata, new WeakSet(), 2);
  }
  const rawError = readProp(error, 'rawError');
  if (out.platformDetail === undefined && rawError && typeof rawError === 'object') {
    out.platformDetail = toLogValue(rawError, new WeakSet(), 2);
  }
  const cause = readProp(error, 'cause');
  if (cause !== undefined && depth < MAX_CAUSES) {
    out.cause = cause instanceof Error ? serializeError(cause, options, depth + 1) : redactText(String(cause));
  }
  return out;
}

/** Any value as JSON-safe, redacted data. */
export function toLogValue(value: unknown, seen: WeakSet<object> = new WeakSet(), depth = 0): unknown {
  switch (typeof value) {
    case 'string':
      return redactText(value);
    case 'bigint':
      return value.toString();
    case 'function':
    case 'symbol':
      return `[${typeof value}]`;
    case 'undefined':
    case 'number':
    case 'boolean':
      return value;
  }
  if (value === null) return null;
  const object = value as object;
  if (seen.has(object)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  seen.add(object);
  try {
    if (object instanceof Error) return serializeError(object);
    if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
    if (object instanceof URL) return redactText(object.toString());
    if (Buffer.isBuffer(object)) return `[Buffer ${object.length} bytes]`;
    if (Array.isArray(object)) return object.map((item) => toLogValue(item, seen, depth + 1));
    if (object instanceof Map) return toLogValue(Object.fromEntries(object), seen, depth + 1);
    if (object instanceof Set) return toLogValue([...object], seen, depth + 1);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(object)) out[key] = toLogValue(readProp(object, key), seen, depth + 1);
    return out;
  } finally {
    seen.delete(object);
  }
}
