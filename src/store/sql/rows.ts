import { z } from 'zod';

/**
 * Column parsers shared by both engines. SQLite gives text timestamps and 0/1 flags; PostgreSQL gives
 * Date objects and (for BIGINT and sums) numeric strings. Each becomes one type here.
 */
export const instant = z.union([z.date(), z.string()]).transform((v, ctx) => {
  const date = typeof v === 'string' ? new Date(v) : v;
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'not a timestamp' });
    return z.NEVER;
  }
  return date.toISOString();
});

export const count = z.union([z.number(), z.string(), z.bigint()]).transform((v, ctx) => {
  const n = Number(v);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: 'not a number' });
    return z.NEVER;
  }
  return n;
});

export const flag = z.union([z.number(), z.boolean()]).transform((v) => v === true || v === 1);

/** A column holding JSON written by the store itself. */
export const jsonText = z.string().transform((s, ctx) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not JSON' });
    return z.NEVER;
  }
});

export const stringList = jsonText.pipe(z.array(z.string()));

export const platform = z.enum(['discord', 'slack', 'cli']);
export const digestPlatform = z.enum(['discord', 'slack']);
export const digestKind = z.enum(['summary', 'recap']);
export const deliveryState = z.enum(['processing', 'done', 'failed']);

/** Parses every row with `schema`; a row that does not fit is a bug or a corrupt database, and throws. */
export function parseRows<T>(schema: z.ZodType<T>, rows: Record<string, unknown>[]): T[] {
  return rows.map((row) => schema.parse(row));
}

export function parseFirst<T>(schema: z.ZodType<T>, rows: Record<string, unknown>[]): T | undefined {
  return rows[0] === undefined ? undefined : schema.parse(rows[0]);
}
