import type { Quote } from '../answer/types.ts';
import type { Source } from '../corpus/types.ts';

/**
 * Where a quote sits in its source's text, as [start, end) UTF-16 offsets: looked for inside the passage
 * it was taken from first (the same words can occur twice in an interview), then anywhere in the source.
 * Null when the text is not in the source (never for a verified quote).
 */
export function quoteSpan(source: Source, quote: Pick<Quote, 'text' | 'passageId'>): { start: number; end: number } | null {
  if (quote.text === '') return null;
  const passage = quote.passageId ? source.passages.find((p) => p.id === quote.passageId) : undefined;
  if (passage) {
    const at = source.text.indexOf(quote.text, passage.start);
    if (at >= 0 && at + quote.text.length <= passage.end) return { start: at, end: at + quote.text.length };
  }
  const at = source.text.indexOf(quote.text);
  return at >= 0 ? { start: at, end: at + quote.text.length } : null;
}
