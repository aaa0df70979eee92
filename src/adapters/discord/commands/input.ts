import { z } from 'zod';
import { InputError } from '../../../errors.ts';

const Text = z.string().trim().min(1).max(1_000);

/** A required free-text option, trimmed; empty or over-long text is the user's to fix. */
export function requiredText(value: string | null, what: string): string {
  const parsed = Text.safeParse(value);
  if (!parsed.success) throw new InputError(`Please give a ${what} (1 to 1,000 characters).`);
  return parsed.data;
}

/** An optional free-text option: blank counts as absent. */
export function optionalText(value: string | null, what: string): string | null {
  return value === null || value.trim() === '' ? null : requiredText(value, what);
}
