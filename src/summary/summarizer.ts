import type { AskOptions, SummarizeOptions } from '../core.ts';
import type { Answer, Quote, Summary } from '../answer/types.ts';
import type { Corpus, Passage } from '../corpus/types.ts';
import { log } from '../log.ts';
import { buildCandidates, pickThemes, type CorpusThemes } from './themes.ts';
import { pointsFromQuotes } from './topic.ts';

/** What the summarizer needs from the rest of the core. */
export interface SummarizerDeps {
  corpus: Corpus;
  /** Display name of the person summarised, e.g. "Aidan Gomez". */
  guestName: string;
  /** Their speaker name when it is not "each source's guest" (env GUEST); null/absent: guest passages. */
  speaker?: string | null;
  /** The core's retrieval for one topic (GomezCore.quotes): best verified quotes, or a refusal. */
  quotesOn(topic: string, options?: AskOptions): Promise<Answer> | Answer;
  /** The core's quote check (src/answer/verify.ts): exact substring of a passage by the guest. */
  verify(quote: Quote): boolean;
  /** Model mode: rewrites takeaways from each theme's (already verified) quotes; absent without a model. */
  rewriteTakeaways?(summary: Summary): Promise<Summary>;
}


export const MIN_THEMES = 5;
export const MAX_THEMES = 8;
const TOPIC_QUOTES = 10;

const SPOKEN = new Set(['guest', 'host', 'other']);

/** Which passages are the person's words: each source's guest, or one named speaker. */
function personPredicate(speaker: string | null): (passage: Passage) => boolean {
  return speaker === null
    ? (p) => p.role === 'guest'
    : (p) => SPOKEN.has(p.role) && p.speaker !== null && p.speaker.localeCompare(speaker, undefined, { sensitivity: 'accent' }) === 0;
}

/** "Aidan Gomez" → "Gomez": how the bot refers to the guest in takeaways. */
export function shortName(name: string): string {
  return name.trim().split(/\s+/).at(-1) ?? name;
}

/**
 * Extractive summaries: a whole-corpus digest of five to eight themes, or the points made about one
 * topic. Every quote is re-checked with the core's verification before it is returned.
 */
export function createSummarizer(deps: SummarizerDeps): (options?: SummarizeOptions) => Promise<Summary> {
  let themes: CorpusThemes | undefined;
  const isPerson = personPredicate(deps.speaker ?? null);
  const candidates = () => (themes ??= buildCandidates(deps.corpus, isPerson));
  const guestShortName = shortName(deps.guestName);

  const checked = (summary: Summary): Summary => {
    let dropped = 0;
    const kept = summary.themes
      .map((theme) => {
        const quotes = theme.quotes.filter((q) => deps.verify(q) || (dropped++, false));
        return { ...theme, quotes };
      })
      .filter((theme) => theme.quotes.length > 0);
    if (dropped > 0) log.warn('summary quotes failed verification', { dropped, topic: summary.topic });
    return { ...summary, themes: kept, answered: summary.answered && kept.length > 0 };
  };

  const finish = async (summary: Summary): Promise<Summary> =>
    deps.rewriteTakeaways && summary.answered ? deps.rewriteTakeaways(summary) : summary;

  return async (options = {}) => {
    const topic = options.topic?.trim() ? options.topic.trim() : null;
    const avoidQuotes = options.avoidQuotes ?? [];
    if (topic === null) {
      const picked = pickThemes(candidates(), {
        avoidThemes: options.avoidThemes ?? [],
        avoidQuotes,
        leadSources: options.leadSources ?? [],
        guestShortName,
        min: MIN_THEMES,
        max: MAX_THEMES,
      });
      const summary = checked({ topic: null, answered: picked.length > 0, themes: picked, mode: 'extractive' });
      if (!summary.answered) return { ...summary, note: `The corpus has nothing said by ${deps.guestName} to summarise.` };
      return finish(summary);
    }

    const answer = await deps.quotesOn(topic, { limit: TOPIC_QUOTES });
    if (!answer.answered || answer.quotes.length === 0) {
      return { topic, answered: false, themes: [], mode: 'extractive', note: answer.answer };
    }
    const { ordinaryWords, phrases } = candidates();
    const points = pointsFromQuotes(deps.corpus, answer, { avoidQuotes, guestShortName, ordinaryWords, phrases, topic });
    const summary = checked({ topic, answered: true, themes: points, mode: 'extractive' });
    return summary.answered ? finish(summary) : { ...summary, note: answer.answer };
  };
}
