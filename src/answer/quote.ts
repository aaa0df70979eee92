import { deepLink, formatTimecode } from '../corpus/timecode.ts';
import type { Passage, Source } from '../corpus/types.ts';
import type { Quote } from './types.ts';

/**
 * A Quote for sentences first..last (inclusive) of a passage: the exact source text spanning them,
 * their translations joined, and where they are ("turn 12", plus the time and a deep link when known).
 */
export function quoteOf(source: Source, passage: Passage, first: number, last: number): Quote {
  const a = passage.sentences[first]!;
  const b = passage.sentences[last]!;
  const text = source.text.slice(a.start, b.end);
  const translations = passage.sentences
    .slice(first, last + 1)
    .map((s) => s.translation)
    .filter((t): t is string => t !== undefined);
  const time = a.time ?? passage.time;
  const place = passage.turn !== null ? `turn ${passage.turn}` : `line ${passage.line}`;
  return {
    text,
    ...(translations.length > 0 ? { translation: translations.join(' ') } : {}),
    speaker: passage.speaker ?? '',
    source: {
      id: source.meta.id,
      title: source.meta.title,
      url: time === undefined ? source.meta.url : deepLink(source.meta.url, time),
      locator: time === undefined ? place : `${place}, ${formatTimecode(time)}`,
      ...(source.meta.date ? { date: source.meta.date } : {}),
    },
    passageId: passage.id,
  };
}
