import type { Answer, Quote, Summary } from './types.ts';

/** A quote in the public JSON contract's field order, without internal fields. */
function contractQuote(q: Quote): Omit<Quote, 'passageId'> {
  return {
    text: q.text,
    ...(q.translation !== undefined ? { translation: q.translation } : {}),
    speaker: q.speaker,
    source: q.source,
  };
}

/**
 * An answer as `gomez ask --json` prints it: the fields of DESIGN.md's contract in its order, then the
 * optional extras (suggestions on a refusal, the answer's language). Internal fields stay out.
 */
export function contractAnswer(answer: Answer): Record<string, unknown> {
  return {
    question: answer.question,
    answered: answer.answered,
    answer: answer.answer,
    quotes: answer.quotes.map(contractQuote),
    mode: answer.mode,
    ...(answer.suggestions?.length ? { suggestions: answer.suggestions } : {}),
    ...(answer.language ? { language: answer.language } : {}),
  };
}

/** A summary as `gomez summary --json` prints it, in the contract's field order. */
export function contractSummary(summary: Summary): Record<string, unknown> {
  return {
    topic: summary.topic,
    answered: summary.answered,
    themes: summary.themes.map((t) => ({ title: t.title, takeaway: t.takeaway, quotes: t.quotes.map(contractQuote) })),
    mode: summary.mode,
    ...(summary.note ? { note: summary.note } : {}),
  };
}
