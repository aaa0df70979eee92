import { z } from 'zod';

/** Some servers wrap JSON in a Markdown fence or add a line of prose around it. */
function jsonObjectText(raw: string): string | null {
  const start = raw.indexOf('{');
  const end = raw.lastIndexOf('}');
  return start >= 0 && end > start ? raw.slice(start, end + 1) : null;
}

const PassageIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((ids) => (ids === undefined ? [] : Array.isArray(ids) ? ids : [ids]));

/** The structured answer the answer prompt asks for (prompts/answer.md). */
const ModelAnswerSchema = z.object({
  answered: z.boolean().optional().default(true),
  sentences: z
    .array(z.object({ text: z.string(), passage_ids: PassageIds }))
    .optional()
    .default([]),
  quotes: z
    .array(z.object({ passage_id: z.string(), text: z.string() }))
    .optional()
    .default([]),
});

export type ModelAnswer = z.infer<typeof ModelAnswerSchema>;

/** Parses the model's reply; null when it is not the JSON object the prompt asked for. */
export function parseModelAnswer(raw: string): ModelAnswer | null {
  const text = jsonObjectText(raw);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ModelAnswerSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
