import { z } from 'zod';
import { InputError } from '../errors.ts';
import { parseJsonLines, readTextFile } from './json-lines.ts';

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
  const items = parseJsonLines(text, file, EvalItemSchema, (item) =>
    item.answerable && !item.gold_any?.length ? 'an answerable question needs gold_any.' : null,
  );
  if (items.length === 0) throw new InputError(`${file} has no questions.`);
  return items;
}

export function loadEvalSet(file: string): EvalItem[] {
  return parseEvalSet(readTextFile(file, 'eval file'), file);
}
