import type { Quote, Theme } from '../answer/types.ts';
import type { Corpus, Passage, Source } from '../corpus/types.ts';
import { PhraseStats } from './keyphrases.ts';
import type { EditorialClaim } from './editorial.ts';
import { editorialWeight, matchClaims } from './claim-anchors.ts';
import { endsMidThought, shapeTakeaway, type TakeawaySource } from './takeaway.ts';
import { hasChinese } from '../text/language.ts';
import { themeTitle } from './titles.ts';
import { speaksInFirstPerson } from '../answer/llm/voice.ts';
import { quoteOf } from '../answer/quote.ts';
import { overlaps } from './quotes.ts';
import { corpusSegments, type GuestSentence, type Segment } from './segments.ts';
import { ordinaryWordsIn } from '../answer/retell.ts';
import { bagOf, cosine, termsOf } from './terms.ts';

/**
 * Candidate themes of a whole corpus, computed once per corpus: segments of guest talk with a title,
 * their guest sentences ranked by how central they are to the theme, and a substance score.
 */
export interface ThemeCandidate {
  segment: Segment;
  /** Its title, worked out on first use (tagging every candidate of a large corpus would be slow). */
  readonly title: string;
  /** Guest sentences, most central first. */
  ranked: GuestSentence[];
  /** How central each ranked sentence is to the theme (cosine to the theme, and to the heading when titled by it). */
  centrality: Map<GuestSentence, number>;
  /** How much the guest actually says in it (short replies like "Yes." count for little). */
  substance: number;
  /** The editors' points (headline, lede, headings) this theme makes, strongest first. */
  claims: EditorialClaim[];
  /** For each claim, the guest sentence that makes it best: the theme's first quotes. */
  claimAnchors: GuestSentence[];
}

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
  /** Terms too common in the guest's sentences to show what one theme is about ("model", "data" here). */
  common: Set<string>;
}

/** A term in more than this share of the guest's sentences is common: sharing it proves no relevance. */
export const COMMON_SHARE = 0.1;

/** Terms used in more than COMMON_SHARE of the given term bags (one bag per sentence). */
export function commonTerms(bags: Map<string, number>[]): Set<string> {
  const df = new Map<string, number>();
  for (const bag of bags) for (const k of bag.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  return new Set([...df].filter(([, n]) => n > COMMON_SHARE * bags.length).map(([k]) => k));
}

export function buildCandidates(corpus: Corpus, isPerson: (p: Passage) => boolean): CorpusThemes {
  const segments = corpusSegments(corpus, isPerson);
  const idf = idfOf(segments);
  const englishOf = (seg: Segment) =>
    seg.units.flatMap((u) => u.sentences.map((s) => s.english).filter((t): t is string => !!t));
  const phrases = new PhraseStats();
  // Titles are named from what the guest says and from the team's search terms for those sentences
  // (topic words such as "funding round" that a short spoken reply may never say itself).
  const namingOf = (seg: Segment) => [
    ...englishOf(seg),
    ...seg.units.flatMap((u) => u.sentences.map((s) => s.sentence.terms).filter((t): t is string => !!t)),
  ];
  for (const seg of segments) phrases.add(namingOf(seg));

  const common = commonTerms(segments.flatMap((seg) => seg.units.flatMap((u) => u.sentences.map((s) => s.bag))));
  // A short sentence that makes the editors' point word for word still makes it: quality only tips the balance.
  const matched = matchClaims(corpus, segments, (s) => 0.8 + 0.2 * claimQuality(s.english) * sentenceWeight(s));
  const candidates = segments.map((segment): ThemeCandidate => {
    const sentences = segment.units.flatMap((u) => u.sentences);
    const editorial = matched.get(segment) ?? { claims: [], anchors: [] };
    const headingClaim = editorial.claims.find((c) => c.kind === 'heading');
    // A theme's heading is the editors' heading it was matched to, else the one its section piece owns.
    const headingTitle = headingClaim ? (headingClaim.english ?? headingClaim.text) : segment.headed ? segment.sectionTitle : null;
    // A theme titled by its heading should be backed by what the heading names, first.
    const heading = headingTitle ? bagOf(termsOf(headingTitle)) : null;
    const centrality = (s: GuestSentence) =>
      (cosine(s.bag, segment.bag, idf) + (heading ? cosine(s.bag, heading, idf) : 0)) * sentenceWeight(s);
    const scores = new Map(sentences.map((s) => [s, centrality(s)] as const));
    const ranked = [...sentences].sort((a, b) => scores.get(b)! - scores.get(a)!);
    const substance = sentences.reduce((sum, s) => sum + Math.min(s.bag.size, 10) * (sentenceWeight(s) === 0.3 ? 0.2 : 1), 0);
    let title: string | undefined;
    const titleOf = () => {
      const byClaim = [...editorial.anchors, ...ranked.filter((s) => claimQuality(s.english) >= 0.5)];
      title ??=
        themeTitle({
          heading: headingTitle,
          english: byClaim.map((s) => s.english).filter((t): t is string => !!t),
          original: byClaim.map((s) => s.sentence.text),
          // A title word must be frequent in this theme and rare elsewhere.
          weightOf: (stem) => (common.has(stem) ? 0 : Math.min(segment.bag.get(stem) ?? 0, 6) * (idf.get(stem) ?? 0)),
        }) ?? segment.sectionTitle ?? segment.source.meta.title;
      return title;
    };
    return {
      segment,
      get title() {
        return titleOf();
      },
      ranked,
      centrality: scores,
      substance,
      claims: editorial.claims,
      claimAnchors: editorial.anchors,
    };
  });
  const allEnglish = segments.flatMap(englishOf);
  return { candidates, phrases, idf, ordinaryWords: ordinaryWordsIn(allEnglish), common };
}

export interface PickOptions {
  avoidThemes: string[];
  avoidQuotes: string[];
  leadSources: string[];
  guestShortName: string;
  min: number;
  max: number;
}

/**
 * Many sources: another source's piece this close to a theme (cosine of their idf-weighted term bags)
 * is about the same subject. Two interviews on one subject score about 0.35 to 0.5; pieces that merely
 * share a field's vocabulary ("model", "data") stay under 0.25 on the Practical AI episodes.
 */
export const SAME_SUBJECT = 0.3;

/** Who speaks in a theme (every unit of a piece is one person's turns). */
const speakerOf = (c: ThemeCandidate) => c.ranked[0]?.passage.speaker ?? null;

/** Pieces of other sources where the same person talks about the same subject, closest first. */
function sameSubjectElsewhere(c: ThemeCandidate, others: ThemeCandidate[], idf: Map<string, number>): ThemeCandidate[] {
  return others
    .filter((o) => o.segment.source !== c.segment.source && speakerOf(o) === speakerOf(c))
    .map((o) => [cosine(c.segment.bag, o.segment.bag, idf), o] as const)
    .filter(([sim]) => sim >= SAME_SUBJECT)
    .sort((a, b) => b[0] - a[0])
    .map(([, o]) => o);
}

/** Below this substance a piece is a bare reply ("Yes.", "Strategy.") and is used only if themes run short. */
const SLIGHT = 15;

/** Where a candidate sits: its source's editors' section (a source without headings is one section). */
const sectionOf = (c: ThemeCandidate) => `${c.segment.source.meta.id}\u0000${c.segment.section ?? ''}`;

/**
 * Chooses the themes of one summary. Seats go to the interview's sections in proportion to how many
 * guest turns they hold (every section first, then the longest ones again), so a long closing Q&A
 * about many things is not reduced to one sub-theme and no topic of the interview is dropped for a
 * second helping of another. Inside a section the piece with the most substance that is new next to
 * the themes already chosen wins. Lead sources come first; themes shown last time come last.
 */
export function pickThemes(corpusThemes: CorpusThemes, options: PickOptions): Theme[] {
  const { candidates, idf } = corpusThemes;
  const avoided = new Set(options.avoidThemes.map((t) => t.toLowerCase()));
  const lead = new Set(options.leadSources);
  const rank = (c: ThemeCandidate) => (lead.has(c.segment.source.meta.id) ? 0 : avoided.has(c.title.toLowerCase()) ? 2 : 1);

  const chosen: ThemeCandidate[] = [];
  const similarity = (c: ThemeCandidate) => Math.max(0, ...chosen.map((o) => cosine(o.segment.bag, c.segment.bag, idf)));
  // A near-duplicate of a chosen theme would repeat it under another name; so would another source's
  // piece on a chosen theme's subject, which that theme quotes instead (themeFrom: many sources).
  const eligible = (c: ThemeCandidate, floor: number) =>
    !chosen.includes(c) && c.substance >= floor && similarity(c) <= 0.6 && sameSubjectElsewhere(c, chosen, idf).length === 0;
  // How strongly the guest states it: the share of its sentences that are claims on their own.
  // How much of the conversation it spans counts too: a point argued over several turns beats a remark.
  const value = (c: ThemeCandidate) => c.substance * strength(c) * Math.sqrt(c.segment.units.length) * (1 - similarity(c)) ** 2;

  const fill = (floor: number) => {
    const sections = new Map<string, { turns: number; seats: number; lead: boolean; order: number; members: ThemeCandidate[] }>();
    for (const c of candidates) {
      const k = sectionOf(c);
      const s = sections.get(k) ?? { turns: 0, seats: 0, lead: lead.has(c.segment.source.meta.id), order: c.segment.order, members: [] };
      s.turns += c.segment.units.length;
      s.members.push(c);
      sections.set(k, s);
    }
    for (const c of chosen) sections.get(sectionOf(c))!.seats++;
    while (chosen.length < options.max) {
      const open = [...sections.entries()].filter(([, s]) => s.members.some((c) => eligible(c, floor)));
      if (open.length === 0) break;
      // Lead sources first; then sections without a theme yet; then the most turns per seat.
      open.sort(([, a], [, b]) =>
        Number(b.lead) - Number(a.lead) || Number(a.seats > 0) - Number(b.seats > 0) ||
        b.turns / (b.seats + 1) - a.turns / (a.seats + 1) || a.order - b.order);
      const [k, section] = open[0]!;
      // A further seat in a section goes to a piece away from the ones already taken from it, so a
      // section's themes spread over what it covers instead of bunching up around one exchange.
      const taken = chosen.filter((c) => sectionOf(c) === k).map((c) => c.segment.order);
      const spread = (c: ThemeCandidate) => {
        if (taken.length === 0) return 1;
        const gap = Math.min(...taken.map((o) => Math.abs(o - c.segment.order)));
        return gap / (gap + 1);
      };
      const worth = (c: ThemeCandidate) => value(c) * spread(c);
      const pick = section.members
        .filter((c) => eligible(c, floor))
        .sort((a, b) => rank(a) - rank(b) || worth(b) - worth(a) || a.segment.order - b.segment.order)[0]!;
      chosen.push(pick);
      section.seats++;
    }
  };
  // The editors' points first (headline, lede, headings: a digest must not leave them out), strongest
  // first and lead sources before others, then seats by how much of the conversation each section spans.
  const editorial = candidates
    .filter((c) => c.claims.length > 0)
    .sort((a, b) => rank(a) - rank(b) || editorialWeight(b.claims) - editorialWeight(a.claims) || a.segment.order - b.segment.order);
  for (const c of editorial) if (chosen.length < options.max && !chosen.includes(c)) chosen.push(c);
  fill(SLIGHT);
  if (chosen.length < options.min) fill(0);

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

/** Openings that lean on the question or name a thing instead of claiming something. */
const LEANS_ON_QUESTION = /^(?:yes|yeah|no|right|exactly|sure|definitely|absolutely)\b/i;
const NAMES_ONLY = /\b(?:that's|that is|this is|it's|it is) called\b/i;
const PRONOUN_SUBJECT = /^(?:it|this|that|they|these|those|he|she)\b/i;

/**
 * How well a sentence states a claim on its own, from 0 to 1: an answer that starts "Yes," or only names
 * something ("that's called …"), or whose subject is a bare pronoun, needs the question to make sense.
 */
function claimQuality(english: string | null): number {
  if (!english) return 0.5;
  let q = english.length >= TAKEAWAY_MIN ? 1 : 0.5;
  if (LEANS_ON_QUESTION.test(english)) q *= 0.6;
  if (NAMES_ONLY.test(english)) q *= 0.3;
  const body = english.replace(/^(?:[A-Za-z']+,\s*)+/, '');
  if (PRONOUN_SUBJECT.test(body)) q *= 0.6;
  // Rambling talk (asides, "kind of", trailing off) states a point less clearly than a plain sentence.
  if (RAMBLING.test(english) || english.length > 240) q *= 0.7;
  if (/^(?:and\s+)?then\b/i.test(english)) q *= 0.5;
  return q;
}

const RAMBLING = /\s--\s|\bkind of\b|\bsort of\b|\.\.\.|…|\byou know\b/i;
/** Words with which a speaker stresses a point. */
const STRESSED = /\b(?:most important|the key|crucial|critical|essential|never|always|have to|must|should|biggest|fundamental|the best|the only|believe|convinced|confident|the future|will be|underestimated|clearly)\b/i;

/** How strongly a theme is stated, 0.5 to about 1.15: its central sentences' claim quality and stress. */
function strength(c: ThemeCandidate): number {
  const top = c.ranked.slice(0, 6);
  if (top.length === 0) return 0.5;
  const mean = top.reduce((sum, s) => sum + claimQuality(s.english) * (STRESSED.test(s.english ?? '') ? 1.3 : 1), 0) / top.length;
  return 0.5 + mean / 2;
}

/** Distinctive terms (not common in the corpus) of a bag. */
function distinctive(bag: Map<string, number>, common: Set<string>): Set<string> {
  return new Set([...bag.keys()].filter((k) => !common.has(k)));
}

const sharesAny = (bag: Map<string, number>, keys: Set<string>) => [...bag.keys()].some((k) => keys.has(k));

/**
 * A theme's quotes: the guest sentence that makes the editors' point when the theme has one, else its
 * most central self-contained claim (with the next sentence when it is short or ends mid-thought),
 * and the best sentence from another passage that shares a distinctive term with the title or that
 * claim, so every quote is about what the theme says. The takeaway states the claim on its own.
 * Sentences shown before (avoid) or elsewhere in the summary are skipped.
 */
function themeFrom(
  candidate: ThemeCandidate,
  corpusThemes: CorpusThemes,
  guestShortName: string,
  avoid: string[],
  shown: Set<string>,
): Theme | null {
  const { common, idf } = corpusThemes;
  const free = (s: GuestSentence) => !shown.has(key(s)) && !avoid.some((a) => overlaps(a, s.sentence.text));
  const pool = candidate.ranked.filter(free);
  const fallback = candidate.ranked.filter((s) => !shown.has(key(s)));
  const anchors = pool.length > 0 ? pool : fallback;
  const title = candidate.title;
  const titleKeys = distinctive(bagOf(termsOf(title)), common);
  // The anchor is the sentence making the editors' point, else the most central claim (one echoing
  // the title's own words preferred).
  const anchorScore = (s: GuestSentence) =>
    (candidate.centrality.get(s) ?? 0) * claimQuality(s.english) * (sharesAny(s.bag, titleKeys) ? 1.5 : 1);
  // Rotation: a sentence the channel saw last time gives way to the theme's next best claim.
  const editorial = candidate.claimAnchors.filter((s) => free(s) || (pool.length === 0 && !shown.has(key(s))));
  const first = editorial[0] ?? [...anchors].sort((a, b) => anchorScore(b) - anchorScore(a))[0];
  if (!first) return null;

  const keys = new Set([...titleKeys, ...distinctive(first.bag, common)]);
  const quotes: Quote[] = [];
  const source = candidate.segment.source;
  const english = (s: { translation?: string; text: string } | undefined, of: Source = source) =>
    s ? (s.translation ?? (of.meta.language.startsWith('en') ? s.text : null)) : null;
  const firstEnglish = first.english ?? first.sentence.text;
  const next = first.passage.sentences[first.index + 1];
  const extend = next !== undefined && (firstEnglish.length < 120 || endsMidThought(firstEnglish)) &&
    !shown.has(`${first.passage.id}:${first.index + 1}`) && !avoid.some((a) => overlaps(a, next.text));
  quotes.push(quoteOf(source, first.passage, first.index, extend ? first.index + 1 : first.index));
  shown.add(key(first));
  if (extend) shown.add(`${first.passage.id}:${first.index + 1}`);

  // A second editorial point of the same theme comes next; else, when another source has the same
  // person on the same subject, its sentence nearest the first quote (a theme shows every source that
  // discusses it); else a related sentence from another passage.
  const fromElsewhere = (): { sentence: GuestSentence; source: Source } | undefined => {
    for (const other of sameSubjectElsewhere(candidate, corpusThemes.candidates, idf)) {
      const near = other.ranked
        .filter((s) => free(s) && sentenceWeight(s) === 1)
        .map((s) => [cosine(s.bag, first.bag, idf), s] as const)
        .filter(([sim]) => sim > 0)
        .sort((a, b) => b[0] - a[0])[0];
      if (near) return { sentence: near[1], source: other.segment.source };
    }
    return undefined;
  };
  const editorialSecond = editorial.find((s) => s !== first && !shown.has(key(s)));
  const elsewhere = editorialSecond ? undefined : fromElsewhere();
  const second =
    editorialSecond ??
    elsewhere?.sentence ??
    anchors.find((s) => s.passage.id !== first.passage.id && !shown.has(key(s)) && sentenceWeight(s) === 1 && sharesAny(s.bag, keys));
  const secondSource = elsewhere?.source ?? source;
  if (second) {
    // A quote never stops mid-thought: one ending on a dangling clause takes its continuation along.
    const after = second.passage.sentences[second.index + 1];
    const more = after !== undefined && endsMidThought(second.english ?? second.sentence.text) &&
      !shown.has(`${second.passage.id}:${second.index + 1}`);
    quotes.push(quoteOf(secondSource, second.passage, second.index, more ? second.index + 1 : second.index));
    shown.add(key(second));
    if (more) shown.add(`${second.passage.id}:${second.index + 1}`);
  }
  for (const q of quotes) avoid.push(q.text);

  // The takeaway states the anchor's point (merged with its continuation when it stops mid-thought),
  // so the quotes back it; the other shown sentences, then the theme's other claims, are fallbacks.
  const sourcesOfTakeaway: TakeawaySource[] = [
    { english: firstEnglish, next: english(next) ?? undefined },
    ...(second?.english ? [{ english: second.english, next: english(second.passage.sentences[second.index + 1], secondSource) ?? undefined }] : []),
    ...anchors.slice(0, 6).filter((s) => s !== first && s !== second && s.english).map((s) => ({
      english: s.english!,
      next: english(s.passage.sentences[s.index + 1]) ?? undefined,
    })),
  ].filter((t) => !!t.english && !hasChinese(t.english));
  const takeaway =
    shapeTakeaway(sourcesOfTakeaway, guestShortName, corpusThemes.ordinaryWords) ??
    `What ${guestShortName} said about ${title.charAt(0).toLowerCase()}${title.slice(1)}.`;
  return { title, takeaway, quotes };
}
