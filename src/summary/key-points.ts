import { z } from 'zod';
import { InputError } from '../errors.ts';
import { parseJsonLines, readTextFile } from '../eval/json-lines.ts';

/**
 * A summary eval set: JSON lines, one key point of one source each. A digest of that source covers
 * the point when one of its quotes overlaps one of the gold spans (as dev.jsonl's gold_any).
 */
export const KeyPointSchema = z.object({
  /** Source id (the transcript's meta id, or its file name without extension). */
  source: z.string().min(1),
  id: z.string().min(1),
  /** The point in a few words, for the report. */
  point: z.string().min(1),
  /** Exact spans of the source that make the point; any one quoted covers it. */
  gold_any: z.array(z.string().min(1)).min(1),
  /** Where the point comes from: the editors' headline, lede, a heading, or the team's reading. */
  from: z.enum(['headline', 'lede', 'heading', 'chapter', 'team']).optional(),
});

export type KeyPoint = z.infer<typeof KeyPointSchema>;

export function parseKeyPoints(text: string, file = 'key-point file'): KeyPoint[] {
  const points = parseJsonLines(text, file, KeyPointSchema);
  if (points.length === 0) throw new InputError(`${file} has no key points.`);
  return points;
}

export function loadKeyPoints(file: string): KeyPoint[] {
  return parseKeyPoints(readTextFile(file, 'key-point file'), file);
}
