import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { InputError } from '../errors.ts';

/**
 * Parses a JSON-lines file into schema-checked rows; a bad line throws an InputError naming the file
 * and line, and `check` may refuse a row that the schema alone cannot (returning the problem).
 */
export function parseJsonLines<S extends z.ZodType>(text: string, file: string, schema: S, check?: (row: z.infer<S>) => string | null): Array<z.infer<S>> {
  const rows: Array<z.infer<S>> = [];
  text.split(/\r?\n/).forEach((row, i) => {
    if (row.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(row);
    } catch {
      throw new InputError(`${file}:${i + 1} is not valid JSON.`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`${file}:${i + 1}: ${issue?.path.join('.') || 'line'}: ${issue?.message}`);
    }
    const problem = check?.(parsed.data);
    if (problem) throw new InputError(`${file}:${i + 1}: ${problem}`);
    rows.push(parsed.data);
  });
  return rows;
}

/** A file's text, or an InputError naming it (`what`: "eval file", "key-point file"). */
export function readTextFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`Cannot read the ${what} ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}
