import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.ts';

/** One line of an eval file (format of ../shared/eval/dev.jsonl). */
export const EvalItemSchema = z.object({
  id: z.string().min(1),
  lang: z.string().optional(),
  question: z.string().min(1),
  /** Earlier questions of the same thread, answered first in order; `question` is the one scored. */
  history: z.array(z.string().min(1)).optional(),
  answerable: z.boolean(),
  /** Any of these overlapping a quote counts as the right evidence. */
  gold_any: z.array(z.string().min(1)).optional(),
  /** Text that must never be quoted as the guest's (host lines, narration, headings). */
  not_gomez: z.array(z.string().min(1)).optional(),
});

export type EvalItem = z.infer<typeof EvalItemSchema>;

/** Parses JSON lines; a bad line throws an InputError naming the file and line. */
export function parseEvalSet(text: string, file = 'eval file'): EvalItem[] {
  const items: EvalItem[] = [];
  text.split(/\r?\n/).forEach((row, i) => {
    if (row.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(row);
    } catch {
      throw new InputError(`${file}:${i + 1} is not valid JSON.`);
    }
    const parsed = EvalItemSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`${file}:${i + 1}: ${issue?.path.join('.') || 'line'}: ${issue?.message}`);
    }
    if (parsed.data.answerable && !parsed.data.gold_any?.length) {
      throw new InputError(`${file}:${i + 1}: an answerable question needs gold_any.`);
    }
    items.push(parsed.data);
  });
  if (items.length === 0) throw new InputError(`${file} has no questions.`);
  return items;
}

export function loadEvalSet(file: string): EvalItem[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`Cannot read the eval file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return parseEvalSet(text, file);
}
