import type { Answer, Quote, Theme } from '../answer/types.ts';
import type { Corpus } from '../corpus/types.ts';
import { titleFromPhrases, type PhraseStats } from './keyphrases.ts';
import { englishTerms } from './terms.ts';
import { overlaps } from './quotes.ts';
import { takeawayFrom } from '../answer/retell.ts';

/**
 * The points made about one topic: the core's best quotes on it (its retrieval and verification),
 * grouped by the guest turn they come from, one point per turn, in the order the retrieval ranked them.
 */
const MAX_POINTS = 5;
const QUOTES_PER_POINT = 2;

export function pointsFromQuotes(
  corpus: Corpus,
  answer: Answer,
  options: { avoidQuotes: string[]; guestShortName: string; ordinaryWords: Set<string>; phrases: PhraseStats; topic: string },
): Theme[] {
  const passages = new Map(corpus.passages.map((p) => [p.id, p]));
  // Skip quotes a channel saw in its last digest, unless that would leave nothing to say.
  const fresh = answer.quotes.filter((q) => !options.avoidQuotes.some((a) => overlaps(a, q.text)));
  const quotes = fresh.length > 0 ? fresh : answer.quotes;

  const groups = new Map<string, Quote[]>();
  for (const quote of quotes) {
    const passage = quote.passageId ? passages.get(quote.passageId) : undefined;
    const key = passage ? `${passage.sourceId}:${passage.turn ?? passage.index}` : quote.source.id + quote.source.locator;
    const group = groups.get(key) ?? [];
    if (group.length < QUOTES_PER_POINT && !group.some((q) => overlaps(q.text, quote.text))) group.push(quote);
    groups.set(key, group);
  }

  // A point is named by what its own quotes say, leaning towards the words of the topic asked about.
  const boost = englishTerms(options.topic).map((t) => t.key);
  const titleOf = (group: Quote[]) =>
    titleFromPhrases(options.phrases.top(group.map((q) => q.translation ?? q.text), 2, { minCount: 1, boost }));

  const titles = new Set<string>();
  const points: Theme[] = [];
  for (const group of [...groups.values()].slice(0, MAX_POINTS)) {
    let title = titleOf(group) || group[0]!.source.locator;
    for (let n = 2; titles.has(title.toLowerCase()); n++) title = `${title.replace(/ \(\d+\)$/, '')} (${n})`;
    titles.add(title.toLowerCase());
    const english = group[0]!.translation ?? group[0]!.text;
    const firstSentence = english.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? english;
    const takeaway =
      takeawayFrom(firstSentence, options.guestShortName, options.ordinaryWords) ??
      takeawayFrom(english, options.guestShortName, options.ordinaryWords) ??
      `What ${options.guestShortName} said about ${title.toLowerCase()}.`;
    points.push({ title, takeaway, quotes: group });
  }
  return points;
}
