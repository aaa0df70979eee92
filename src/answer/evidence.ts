import type { Passage, Source } from '../corpus/types.ts';
import { opensTurn, passageContext, passageWords, previousTurnText, turnPassages } from '../search/fields.ts';
import { coverage, type QueryConcept } from '../search/query.ts';
import { tokenizeForIndex } from '../search/tokenize.ts';

/** A quotable span of a passage: one sentence, or a short one with its neighbour. */
export interface QuoteCandidate {
  source: Source;
  passage: Passage;
  /** Sentence indexes, inclusive. */
  first: number;
  last: number;
  /** How well this span answers the question (higher is better). */
  score: number;
  /** Share of the question this span's own words cover (0..1). */
  coverage: number;
}

/** Evidence for a question: ranked quote candidates and how much of the question the best passage covers. */
export interface Evidence {
  candidates: QuoteCandidate[];
  /** Best coverage of the question by one turn (all its passages) with the question it answers (0..1). */
  coverage: number;
}

// A sentence shorter than this is joined with the next one ("The importance of data." + "I underestimated it.").
const SHORT = { zh: 14, en: 50 };
const LONG = { zh: 120, en: 320 };

const termCache = new Map<string, Set<string>>();
function termsOf(text: string): Set<string> {
  let terms = termCache.get(text);
  if (!terms) {
    terms = new Set(tokenizeForIndex(text));
    if (termCache.size > 20_000) termCache.clear();
    termCache.set(text, terms);
  }
  return terms;
}

function isHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** Spans of a passage worth quoting: each sentence, extended over the next ones while still short. */
function spans(passage: Passage): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = passage.sentences.length;
  for (let i = 0; i < n; i++) {
    const kind = isHan(passage.sentences[i]!.text) ? 'zh' : 'en';
    let j = i;
    const length = () => passage.sentences[j]!.end - passage.sentences[i]!.start;
    while (length() < SHORT[kind] && j + 1 < n && passage.sentences[j + 1]!.end - passage.sentences[i]!.start <= LONG[kind]) j++;
    out.push([i, j]);
  }
  return out;
}

function spanTerms(passage: Passage, first: number, last: number): Set<string> {
  const out = new Set<string>();
  for (let i = first; i <= last; i++) {
    const s = passage.sentences[i]!;
    for (const t of termsOf(s.translation ? `${s.text}\n${s.translation}` : s.text)) out.add(t);
  }
  return out;
}

/** A retrieved passage of the person asked about, with its retrieval score relative to the best (0..1). */
export interface FoundPassage {
  source: Source;
  passage: Passage;
  relative: number;
}

/** Weight of the passage's retrieval score against how well the span itself fits the question. */
const RETRIEVAL_SHARE = 0.35;
/** A span that is itself a question (a rhetorical one, in a guest's turn) rarely answers one. */
const QUESTION_FACTOR = 0.6;

/**
 * Scores every quotable span of the retrieved passages: part retrieval score, part fit (the share of the
 * question the span's words cover). The opening span of a turn also counts the words of the question it
 * answers: when the user asks what the host asked, the answer starts there ("How much have you
 * raised?" -> "About $1 billion.").
 */
export function gatherEvidence(found: readonly FoundPassage[], concepts: readonly QueryConcept[]): Evidence {
  const candidates: QuoteCandidate[] = [];
  let best = 0;
  for (const { source, passage, relative } of found) {
    const asked = opensTurn(source, passage.index) ? termsOf(previousTurnText(source, passage.index)) : new Set<string>();
    // An answer often runs over several paragraphs of one turn: the turn as a whole is the evidence.
    const turnTerms = new Set(termsOf(passageContext(source, passage.index)));
    for (const p of turnPassages(source, passage.index)) for (const t of termsOf(passageWords(p))) turnTerms.add(t);
    best = Math.max(best, coverage(concepts, turnTerms));
    const scored = spans(passage).map(([first, last]) => {
      const terms = spanTerms(passage, first, last);
      const own = coverage(concepts, terms);
      const fit = first === 0 && asked.size > 0 ? coverage(concepts, new Set([...terms, ...asked])) : own;
      const asks = /[??]\s*[”"’']?$/.test(passage.sentences[last]!.text);
      return { first, last, terms, coverage: own, fit: asks ? fit * QUESTION_FACTOR : fit };
    });
    // A span with no words of its own (only "的", "Yes.") is never worth quoting.
    const quotable = scored.filter((s) => s.terms.size > 0);
    const matching = quotable.filter((s) => s.fit > 0);
    const chosen = matching.length > 0 ? matching : quotable.slice(0, 1);
    for (const s of chosen) {
      candidates.push({
        source,
        passage,
        first: s.first,
        last: s.last,
        coverage: s.coverage,
        score: RETRIEVAL_SHARE * relative + (1 - RETRIEVAL_SHARE) * s.fit,
      });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.passage.index - b.passage.index || a.first - b.first);
  return { candidates, coverage: best };
}

/** A quote scoring below this share of the best one is left out rather than shown as filler. */
const MIN_RELATIVE_SCORE = 0.5;

/** The best candidates, at most two per passage and none overlapping another. */
export function pickQuotes(candidates: readonly QuoteCandidate[], max: number): QuoteCandidate[] {
  const picked: QuoteCandidate[] = [];
  const floor = (candidates[0]?.score ?? 0) * MIN_RELATIVE_SCORE;
  const perPassage = new Map<string, number>();
  for (const c of candidates) {
    if (picked.length >= max || c.score < floor) break;
    if ((perPassage.get(c.passage.id) ?? 0) >= 2) continue;
    const overlaps = picked.some((p) => p.passage.id === c.passage.id && c.first <= p.last && p.first <= c.last);
    if (overlaps) continue;
    picked.push(c);
    perPassage.set(c.passage.id, (perPassage.get(c.passage.id) ?? 0) + 1);
  }
  return picked;
}
