import type { Corpus, Passage, Sentence, Source } from '../corpus/types.ts';
import { addInto, bagOf, cosine, termsOf, type TermBag } from './terms.ts';

/** A guest sentence with the terms of its readable (English when translated) text. */
export interface GuestSentence {
  passage: Passage;
  /** Index of the sentence inside its passage. */
  index: number;
  sentence: Sentence;
  /** English text of the sentence: its translation, or the sentence itself when the source is English. */
  english: string | null;
  bag: TermBag;
}

/** One answer by the guest (a guest turn) with the host question it answers. */
export interface TurnUnit {
  source: Source;
  section: string | null;
  sentences: GuestSentence[];
  /** Terms of the guest's answer plus, at lower weight, of the question: the question names the topic. */
  bag: TermBag;
}

/** A run of consecutive guest turns about one thing: a candidate theme. */
export interface Segment {
  id: string;
  source: Source;
  /** The editors' heading in force (a grouping hint and title, never a quote). */
  section: string | null;
  /** The heading's English rendering when it has one. */
  sectionTitle: string | null;
  /**
   * True when the section heading describes this segment: the whole section, or, for a section split
   * in several, the piece whose words are closest to the heading's.
   */
  headed: boolean;
  units: TurnUnit[];
  bag: TermBag;
  /** Position in corpus order, for a stable reading order. */
  order: number;
}

const QUESTION_WEIGHT = 0.5;
/** About this many guest turns make one theme: longer sections are split into sub-themes by content. */
const TURNS_PER_THEME = 4;
/** Neighbouring pieces less similar than this are about different things (a change of subject). */
const UNRELATED = 0.12;

function readable(sentence: Sentence, language: string): string | null {
  if (sentence.translation) return sentence.translation;
  return language.startsWith('en') ? sentence.text : null;
}

function sentenceBag(sentence: Sentence, language: string): TermBag {
  return bagOf(termsOf(readable(sentence, language) ?? sentence.text));
}

/** The person's turns in one source, each with the question (anyone else's words) before it. */
function turnUnits(source: Source, isPerson: (p: Passage) => boolean): TurnUnit[] {
  const units: TurnUnit[] = [];
  let question: TermBag = new Map();
  let current: TurnUnit | null = null;
  let currentTurn: number | null = null;
  for (const passage of source.passages) {
    const spoken = passage.role === 'guest' || passage.role === 'host' || passage.role === 'other';
    if (spoken && !isPerson(passage)) {
      if (current) current = null;
      if (passage.turn !== currentTurn) question = new Map();
      currentTurn = passage.turn;
      for (const s of passage.sentences) addInto(question, sentenceBag(s, source.meta.language));
      continue;
    }
    if (!isPerson(passage)) continue;
    if (!current || passage.turn !== currentTurn || passage.section !== current.section) {
      current = { source, section: passage.section ?? null, sentences: [], bag: new Map() };
      addInto(current.bag, question, QUESTION_WEIGHT);
      units.push(current);
      currentTurn = passage.turn;
    }
    passage.sentences.forEach((sentence, index) => {
      const bag = sentenceBag(sentence, source.meta.language);
      current!.sentences.push({ passage, index, sentence, english: readable(sentence, source.meta.language), bag });
      addInto(current!.bag, bag);
    });
  }
  return units;
}

/** English title of a section heading, from its translation when the heading has one. */
function headingTitles(source: Source): Map<string, string> {
  const titles = new Map<string, string>();
  for (const p of source.passages) {
    if (p.role !== 'heading') continue;
    const english = p.sentences.map((s) => readable(s, source.meta.language)).filter((t): t is string => !!t);
    titles.set(p.text, english.length > 0 ? english.join(' ') : p.text);
  }
  return titles;
}

/**
 * Groups a run of turns into `parts` pieces of consecutive turns: neighbours that talk about the same
 * things (idf-weighted term similarity) are merged first; a size penalty keeps one piece from
 * swallowing the section.
 */
function split(units: TurnUnit[], parts: number, idf: Map<string, number>): TurnUnit[][] {
  const pieces = units.map((u) => ({ units: [u], bag: new Map(u.bag) as TermBag }));
  // A mixed section (a rapid-fire Q&A, an answer that changes subject) keeps more pieces: turns that
  // share almost nothing are not merged just to reach `parts`, down to about two turns a piece.
  const most = Math.max(1, Math.ceil(units.length / 2));
  while (pieces.length > Math.max(1, parts)) {
    let best = 0;
    let bestScore = -Infinity;
    let bestSimilarity = 0;
    for (let i = 0; i + 1 < pieces.length; i++) {
      const a = pieces[i]!;
      const b = pieces[i + 1]!;
      const similarity = cosine(a.bag, b.bag, idf);
      const score = similarity / (a.units.length + b.units.length);
      if (score > bestScore) {
        bestScore = score;
        bestSimilarity = similarity;
        best = i;
      }
    }
    if (bestSimilarity < UNRELATED && pieces.length <= most) break;
    const [a, b] = [pieces[best]!, pieces[best + 1]!];
    addInto(a.bag, b.bag);
    a.units.push(...b.units);
    pieces.splice(best + 1, 1);
  }
  return pieces.map((p) => p.units);
}

function inverseFrequencies(units: TurnUnit[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const u of units) for (const k of u.bag.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [k, n] of df) idf.set(k, Math.log(1 + units.length / n));
  return idf;
}

/** Candidate themes of the whole corpus: each source's sections, long sections split by subject. */
export function corpusSegments(corpus: Corpus, isPerson: (p: Passage) => boolean): Segment[] {
  const segments: Segment[] = [];
  const unitsBySource = corpus.sources.map((source) => ({ source, units: turnUnits(source, isPerson) }));
  const idf = inverseFrequencies(unitsBySource.flatMap((s) => s.units));
  for (const { source, units } of unitsBySource) {
    const titles = headingTitles(source);
    const bySection: TurnUnit[][] = [];
    for (const unit of units) {
      const last = bySection.at(-1);
      if (last && last[0]!.section === unit.section) last.push(unit);
      else bySection.push([unit]);
    }
    for (const sectionUnits of bySection) {
      const parts = Math.max(1, Math.round(sectionUnits.length / TURNS_PER_THEME));
      const pieces = split(sectionUnits, parts, idf);
      const section = sectionUnits[0]!.section;
      const sectionTitle = section === null ? null : (titles.get(section) ?? section);
      const headingBag = bagOf(termsOf(sectionTitle ?? ''));
      const pieceBags = pieces.map((piece) => {
        const bag: TermBag = new Map();
        for (const u of piece) addInto(bag, u.bag);
        return bag;
      });
      // The heading names the piece that uses its words most (idf-weighted counts, not cosine): a one-line
      // reply whose question echoes the heading must not take the heading from the section's body.
      const headingFit = (i: number) => {
        let mass = 0;
        for (const [k, n] of headingBag) mass += Math.min(pieceBags[i]!.get(k) ?? 0, 3 * n) * (idf.get(k) ?? 1);
        return mass;
      };
      let headedPiece = 0;
      pieceBags.forEach((_, i) => {
        if (headingFit(i) > headingFit(headedPiece)) headedPiece = i;
      });
      pieces.forEach((piece, i) => {
        const first = piece[0]!.sentences[0]!.passage;
        const last = piece.at(-1)!.sentences.at(-1)!.passage;
        segments.push({
          id: `${source.meta.id}#${first.index}-${last.index}`,
          source,
          section,
          sectionTitle,
          headed: section !== null && i === headedPiece,
          units: piece,
          bag: pieceBags[i]!,
          order: segments.length,
        });
      });
    }
  }
  return segments;
}
