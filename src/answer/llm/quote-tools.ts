import type { Corpus, Passage, Sentence } from '../../corpus/types.ts';
import type { PassageFilter } from '../../search/passage-index.ts';
import { personFilter, type Person } from '../person.ts';
import { quoteOf } from '../quote.ts';
import type { Quote } from '../types.ts';
import { verifyQuote } from '../verify.ts';
import type { QuoteTools } from './verify-answer.ts';

function matches(passage: Passage, filter: PassageFilter): boolean {
  if (filter.roles && !filter.roles.includes(passage.role)) return false;
  if (filter.speaker === undefined) return true;
  return passage.speaker !== null && passage.speaker.localeCompare(filter.speaker, undefined, { sensitivity: 'accent' }) === 0;
}

/** A Quote of consecutive sentences of a passage, built exactly as extractive quotes are (src/answer/quote.ts). */
function buildQuote(corpus: Corpus, passage: Passage, sentences: Sentence[]): Quote {
  const source = corpus.sources.find((s) => s.meta.id === passage.sourceId);
  const first = passage.sentences.indexOf(sentences[0]!);
  const last = passage.sentences.indexOf(sentences[sentences.length - 1]!);
  if (!source || first < 0 || last < first) throw new Error(`sentences not in passage ${passage.id}`);
  return quoteOf(source, passage, first, last);
}

/** Verification tools for one question: the person it asks about decides whose words may be quoted. */
export function quoteToolsFor(corpus: Corpus, person: Person): QuoteTools {
  const filter = personFilter(person);
  return {
    isPersonPassage: (passage) => matches(passage, filter),
    buildQuote: (passage, sentences) => buildQuote(corpus, passage, sentences),
    verify: (quote) => verifyQuote(quote, corpus, person).ok,
  };
}
