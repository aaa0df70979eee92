import type { Quote, Theme } from '../answer/types.ts';
import type { Corpus, Passage } from '../corpus/types.ts';
import { PhraseStats, titleFromPhrases } from './keyphrases.ts';
import { speaksInFirstPerson } from '../answer/llm/voice.ts';
import { quoteOf } from '../answer/quote.ts';
import { overlaps } from './quotes.ts';
import { corpusSegments, type GuestSentence, type Segment } from './segments.ts';
import { ordinaryWordsIn, takeawayFrom } from '../answer/retell.ts';
import { bagOf, cosine, termsOf } from './terms.ts';

/**
 * Candidate themes of a whole corpus, computed once per corpus: segments of guest talk with a title,
 * their guest sentences ranked by how central they are to the theme, and a substance score.
 */
export interface ThemeCandidate {
  segment: Segment;
  title: string;
  /** Guest sentences, most central first. */
  ranked: GuestSentence[];
  /** How much the guest actually says in it (short replies like "Yes." count for little). */
  substance: number;
}

/** Substance of about three full sentences: below it a candidate is small talk unless themes run short. */
const SOLID = 30;

/** Shorter English sentences are usually fragments ("About $1 billion.") and make poor takeaways. */
const TAKEAWAY_MIN = 60;

/** Sentences shorter than this (in English characters) make weak quotes and takeaways. */
const SHORT = 40;

function sentenceWeight(s: GuestSentence): number {
  const length = (s.english ?? s.sentence.text).length;
  if (length < SHORT) return 0.3;
  return length > 260 ? 0.7 : 1;
}

function idfOf(segments: Segment[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const s of segments) for (const k of s.bag.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [k, n] of df) idf.set(k, Math.log(1 + segments.length / n));
  return idf;
}

export interface CorpusThemes {
  candidates: ThemeCandidate[];
  /** Phrase frequencies over the candidates, for naming topic points. */
  phrases: PhraseStats;
  idf: Map<string, number>;
  ordinaryWords: Set<string>;
}

export function buildCandidates(corpus: Corpus, isPerson: (p: Passage) => boolean): CorpusThemes {
  const segments = corpusSegments(corpus, isPerson);
  const idf = idfOf(segments);
  const englishOf = (seg: Segment) =>
    seg.units.flatMap((u) => u.sentences.map((s) => s.english).filter((t): t is string => !!t));
  const phrases = new PhraseStats();
  for (const seg of segments) phrases.add(englishOf(seg));

  const used = new Set<string>();
  const candidates = segments.map((segment) => {
    const sentences = segment.units.flatMap((u) => u.sentences);
    // A theme titled by its heading should be backed by what the heading names, first.
    const heading = segment.headed && segment.sectionTitle ? bagOf(termsOf(segment.sectionTitle)) : null;
    const centrality = (s: GuestSentence) =>
      (cosine(s.bag, segment.bag, idf) + (heading ? cosine(s.bag, heading, idf) : 0)) * sentenceWeight(s);
    const ranked = [...sentences].sort((a, b) => centrality(b) - centrality(a));
    const substance = sentences.reduce((sum, s) => sum + Math.min(s.bag.size, 10) * (sentenceWeight(s) === 0.3 ? 0.2 : 1), 0);
    let title = segment.headed && segment.sectionTitle ? segment.sectionTitle : titleFromPhrases(phrases.top(englishOf(segment), 2));
    if (!title) title = segment.sectionTitle ?? segment.source.meta.title;
    // Titles are how a digest remembers what it showed: they must differ.
    for (let n = 2; used.has(title.toLowerCase()); n++) title = `${title.replace(/ \(\d+\)$/, '')} (${n})`;
    used.add(title.toLowerCase());
    return { segment, title, ranked, substance };
  });
  const allEnglish = segments.flatMap(englishOf);
  return { candidates, phrases, idf, ordinaryWords: ordinaryWordsIn(allEnglish) };
}

export interface PickOptions {
  avoidThemes: string[];
  avoidQuotes: string[];
  leadSources: string[];
  guestShortName: string;
  min: number;
  max: number;
}

/** Chooses the themes of one summary: lead sources first, fresh themes before the ones last shown. */
export function pickThemes(corpusThemes: CorpusThemes, options: PickOptions): Theme[] {
  const { candidates, idf } = corpusThemes;
  const avoided = new Set(options.avoidThemes.map((t) => t.toLowerCase()));
  const lead = new Set(options.leadSources);
  const rank = (c: ThemeCandidate) => (lead.has(c.segment.source.meta.id) ? 0 : avoided.has(c.title.toLowerCase()) ? 2 : 1);
  const solid = (c: ThemeCandidate) => c.substance >= SOLID;
  const ordered = [...candidates].sort((a, b) => rank(a) - rank(b) || b.substance - a.substance || a.segment.order - b.segment.order);

  const chosen: ThemeCandidate[] = [];
  const takeFrom = (pool: ThemeCandidate[]) => {
    for (const c of pool) {
      if (chosen.length >= options.max) break;
      if (chosen.includes(c)) continue;
      // A near-duplicate of a chosen theme would repeat it under another name.
      if (chosen.some((o) => cosine(o.segment.bag, c.segment.bag, idf) > 0.6)) continue;
      chosen.push(c);
    }
  };
  takeFrom(ordered.filter(solid));
  if (chosen.length < options.min) takeFrom(ordered);

  const usedQuotes = [...options.avoidQuotes];
  const shown = new Set<string>();
  const themes: { theme: Theme; candidate: ThemeCandidate }[] = [];
  for (const candidate of chosen) {
    const theme = themeFrom(candidate, corpusThemes, options.guestShortName, usedQuotes, shown);
    if (theme) themes.push({ theme, candidate });
  }
  // Reading order: lead sources, then the corpus's own order; themes shown last time go last.
  themes.sort((a, b) => rank(a.candidate) - rank(b.candidate) || a.candidate.segment.order - b.candidate.segment.order);
  return themes.map((t) => t.theme);
}

const key = (s: GuestSentence) => `${s.passage.id}:${s.index}`;

/**
 * A theme's quotes: its most central sentence (with the next one when it is short, for context) and
 * the best sentence from another passage. Sentences shown before (avoid) or elsewhere are skipped.
 */
function themeFrom(
  candidate: ThemeCandidate,
  corpusThemes: CorpusThemes,
  guestShortName: string,
  avoid: string[],
  shown: Set<string>,
): Theme | null {
  const free = (s: GuestSentence) => !shown.has(key(s)) && !avoid.some((a) => overlaps(a, s.sentence.text));
  const pool = candidate.ranked.filter(free);
  const fallback = candidate.ranked.filter((s) => !shown.has(key(s)));
  const anchors = pool.length > 0 ? pool : fallback;
  const first = anchors[0];
  if (!first) return null;

  const quotes: Quote[] = [];
  const source = candidate.segment.source;
  const firstLength = (first.english ?? first.sentence.text).length;
  const next = first.passage.sentences[first.index + 1];
  const extend = firstLength < 120 && next !== undefined && !shown.has(`${first.passage.id}:${first.index + 1}`) &&
    !avoid.some((a) => overlaps(a, next.text));
  quotes.push(quoteOf(source, first.passage, first.index, extend ? first.index + 1 : first.index));
  shown.add(key(first));
  if (extend) shown.add(`${first.passage.id}:${first.index + 1}`);

  const second = anchors.find((s) => s.passage.id !== first.passage.id && !shown.has(key(s)) && sentenceWeight(s) === 1);
  if (second) {
    quotes.push(quoteOf(source, second.passage, second.index, second.index));
    shown.add(key(second));
  }
  for (const q of quotes) avoid.push(q.text);

  // The takeaway retells a sentence that is shown in the quotes, so the quotes back it word for word:
  // a full statement first, and one that reads plainly about him ("we" in reported speech is ambiguous).
  const english = (s: { translation?: string; text: string } | undefined) =>
    s ? (s.translation ?? (source.meta.language.startsWith('en') ? s.text : null)) : null;
  const shownSentences = [first.english, extend ? english(next) : null, second?.english ?? null].filter(
    (t): t is string => !!t,
  );
  const lines = [...shownSentences.filter((t) => t.length >= TAKEAWAY_MIN), ...shownSentences]
    .map((t) => takeawayFrom(t, guestShortName, corpusThemes.ordinaryWords))
    .filter((t): t is string => t !== null);
  const takeaway =
    lines.find((t) => !speaksInFirstPerson(t)) ?? lines[0] ?? `What ${guestShortName} said about ${candidate.title.toLowerCase()}.`;
  return { title: candidate.title, takeaway, quotes };
}

