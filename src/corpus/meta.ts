import { z } from 'zod';

const LineRange = z.string().regex(/^\d+(-\d+)?$/, 'a line range looks like "12" or "1-12"');

/** The `<name>.meta.json` file beside a transcript. */
export const MetaFileSchema = z.object({
  id: z.string().min(1).regex(/^[\w.-]+$/, 'letters, digits, "_", "." and "-" only').optional(),
  title: z.string().min(1),
  url: z.string().url(),
  sourceUrl: z.string().url().optional(),
  /** The article the transcript text comes from, when it is a write-up of the interview (its title). */
  sourceArticle: z.string().min(1).optional(),
  /** Who published that article (e.g. "量子位 (QbitAI)"). */
  publisher: z.string().min(1).optional(),
  /** BCP 47 language the interview was held in, when the text is a write-up of it in another language. */
  interviewLanguage: z.string().min(2).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date looks like 2024-05-01').optional(),
  language: z.string().min(2),
  host: z.string().min(1).nullable().default(null),
  guest: z.string().min(1).nullable().default(null),
  format: z.string().min(1).optional(),
  /** Speaker labels as written in the file and their roles. */
  speakers: z.record(z.string(), z.enum(['host', 'guest', 'other'])).default({}),
  /** Display names for labels that are not names (e.g. "Q" -> the host's name). */
  speakerNames: z.record(z.string(), z.string()).default({}),
  /**
   * Other ways readers write a speaker's name (another script, a first name alone): "Aidan Gomez" ->
   * ["艾丹·戈麦斯", "戈麦斯"]. A question naming an alias is about that speaker.
   */
  aliases: z.record(z.string(), z.array(z.string().min(1))).default({}),
  /** Lines that are the document's own narration (intro, credits), as "1-12". */
  narrationLines: z.array(LineRange).default([]),
});

export type MetaFile = z.infer<typeof MetaFileSchema>;

export function parseRanges(ranges: string[]): Array<[number, number]> {
  return ranges.map((r) => {
    const [a, b] = r.split('-').map(Number);
    return [a!, b ?? a!];
  });
}
