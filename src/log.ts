/**
 * The project logger: pino, one JSON line per event on stderr (stdout stays clean for `--json`
 * output). Fields are made JSON-safe and scrubbed first (src/logging/fields.ts: errors with their
 * platform codes, cycles, BigInt, credentials inside strings and URLs); pino's path redaction then
 * blanks the fields that hold real secrets. Expected refusals (rate limits, bad input) are logged at
 * info without a stack trace, whatever level the call site asked for.
 */
import pino from 'pino';
import { InputError, RateLimitError } from './errors.ts';
import { serializeError, toLogValue } from './logging/fields.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';
export type LogLevel = Level | 'silent';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** Fields whose value is a secret wherever they appear (one level of nesting, and request headers). */
const SECRET_KEYS = ['token', 'botToken', 'appToken', 'apiKey', 'signingSecret', 'clientSecret', 'password', 'secret', 'authorization', 'cookie'];
const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.*.headers.authorization',
];

function initialLevel(): LogLevel {
  const fromEnv = process.env.LOG_LEVEL?.trim().toLowerCase();
  return LEVELS.includes(fromEnv as LogLevel) ? (fromEnv as LogLevel) : 'info';
}

/** Looked up at every write, so tests that replace process.stderr.write see the lines. */
const stderr = { write: (line: string) => process.stderr.write(line) };

const logger = pino(
  {
    level: initialLevel(),
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  },
  stderr,
);

export function setLogLevel(level: LogLevel): void {
  logger.level = level;
}

/** Refusals the user caused and was told about: worth a line, not an error with a stack trace. */
function isRefusal(value: unknown): boolean {
  return value instanceof RateLimitError || value instanceof InputError;
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  try {
    const refusal = Object.values(fields).some(isRefusal);
    const effective: Level = refusal && (level === 'warn' || level === 'error') ? 'info' : level;
    if (!logger.isLevelEnabled(effective)) return;
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      data[key] = isRefusal(value) ? serializeError(value as Error, { withStack: false }) : toLogValue(value);
    }
    logger[effective](data, toLogValue(msg) as string);
  } catch {
    // A log line that cannot be written is lost; the request it describes carries on.
  }
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
