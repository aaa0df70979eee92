import type { Passage, Source } from '../corpus/types.ts';
import { TUNING } from '../tuning.ts';
import { followingPassage, opensTurn, passageContext, passageTerms, passageWords, previousTurnText, sentenceTerms, turnPassages } from '../search/fields.ts';
import { coverage, turnCoverage, type ExpectedAnswer, type QueryConcept } from '../search/query.ts';
import { tokenizeForIndex } from '../search/tokenize.ts';
import { hasChinese } from '../text/language.ts';

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
  /** The span ends with a question (a rhetorical one, in the guest's turn). */
  asks: boolean;
}

/** Evidence for a question: ranked quote candidates and how much of the question the best passage covers. */
export interface Evidence {
  candidates: QuoteCandidate[];
  /** Best coverage of the question by one turn (all its passages) with the question it answers (0..1). */
  coverage: number;
  /** Every quotable span of each passage searched, by passage id, in reading order (scored like candidates). */
  spans: ReadonlyMap<string, readonly QuoteCandidate[]>;
}

// A sentence shorter than this is joined with the next one ("The importance of data." + "I underestimated it.").
const SHORT = TUNING.evidence.shortSentence;
const LONG = TUNING.evidence.longSpan;
// A closing sentence shorter than this is also offered joined to the one before it.
const CLOSING = TUNING.evidence.closingSentence;

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

/**
 * Spans of a passage worth quoting: each sentence, extended over the next ones while still short; and a
 * short sentence that ends a passage, joined to the one before it, which it usually completes ("If you only
 * scale, you need to be one of them. But there's a lot else you can do.").
 */
function spans(passage: Passage): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = passage.sentences.length;
  const kindOf = (i: number) => (hasChinese(passage.sentences[i]!.text) ? 'zh' : 'en');
  const length = (i: number, j: number) => passage.sentences[j]!.end - passage.sentences[i]!.start;
  for (let i = 0; i < n; i++) {
    const kind = kindOf(i);
    let j = i;
    while (length(i, j) < SHORT[kind] && j + 1 < n && length(i, j + 1) <= LONG[kind]) j++;
    out.push([i, j]);
  }
  const last = n - 1;
  if (last > 0 && length(last, last) < CLOSING[kindOf(last)] && length(last - 1, last) <= LONG[kindOf(last)]) {
    // Not when the sentence before already completes a short opener ("Probably the first. It was …").
    if (!out.some(([a, b]) => a < last - 1 && b >= last - 1) && !out.some(([a, b]) => a === last - 1 && b === last)) out.push([last - 1, last]);
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

/** A span's own words plus the team's search terms of its sentences (paraphrases, never quoted). */
function withSearchTerms(passage: Passage, first: number, last: number, own: Set<string>): Set<string> {
  let out = own;
  for (let i = first; i <= last; i++) {
    const terms = sentenceTerms(passage.sentences[i]!);
    if (!terms) continue;
    if (out === own) out = new Set(own);
    for (const t of termsOf(terms)) out.add(t);
  }
  return out;
}

/**
 * How much a span's search terms count toward its fit, against its own words: a paraphrase the team
 * listed finds the sentence, but a sentence that says the question's words itself stays a little ahead.
 */
const SEARCH_TERMS_CREDIT = TUNING.evidence.searchTermsCredit;

/** Whether a sentence asks something (ends with a question mark, maybe before a closing quote). */
export function isQuestion(sentence: string): boolean {
  return /[??]\s*[”"’']?$/.test(sentence.trim());
}

/** A retrieved passage of the person asked about, with its retrieval score relative to the best (0..1). */
export interface FoundPassage {
  source: Source;
  passage: Passage;
  relative: number;
}

/** Weight of the passage's retrieval score against how well the span itself fits the question. */
const RETRIEVAL_SHARE = TUNING.evidence.retrievalShare;
/** A span that is itself a question (a rhetorical one, in a guest's turn) rarely answers one. */
const QUESTION_FACTOR = TUNING.evidence.questionFactor;
/**
 * How much of the question a turn's opening span may borrow from the question it answers. An answer
 * like "About $1 billion." needs the borrowed words; but a span that covers the question in its own
 * words is better evidence than one that only follows a matching question.
 */
const ASKED_CREDIT = TUNING.evidence.askedCredit;

/**
 * Scores every quotable span of the retrieved passages: part retrieval score, part fit (the share of the
 * question the span's words cover). The opening span of a turn also counts the words of the question it
 * answers: when the user asks what the host asked, the answer starts there ("How much have you
 * raised?" -> "About $1 billion.").
 */
export function gatherEvidence(
  found: readonly FoundPassage[],
  concepts: readonly QueryConcept[],
  expects: ExpectedAnswer | null = null,
  question = '',
): Evidence {
  let best = 0;
  const passages = found.map(({ source, passage, relative }) => {
    const asked = opensTurn(source, passage.index) ? termsOf(previousTurnText(source, passage.index)) : new Set<string>();
    // An answer often runs over several paragraphs of one turn: the turn as a whole is the evidence.
    const turnTerms = new Set<string>();
    for (const p of turnPassages(source, passage.index)) {
      for (const t of termsOf(passageWords(p))) turnTerms.add(t);
      for (const t of termsOf(passageTerms(p))) turnTerms.add(t);
    }
    const covered = turnCoverage(concepts, turnTerms, termsOf(passageContext(source, passage.index)));
    // A turn sharing no word with the question is evidence only through the question it answers: that
    // counts as it does for a span's fit (ASKED_CREDIT), so the host's words alone need a clear match.
    best = Math.max(best, coverage(concepts, turnTerms) > 0 ? covered : ASKED_CREDIT * covered);
    const spanTermSets = spans(passage).map(([first, last]) => {
      const own = spanTerms(passage, first, last);
      return { first, last, own, terms: withSearchTerms(passage, first, last, own) };
    });
    return { source, passage, relative, asked, spans: spanTermSets };
  });
  const focused = focusWeights(concepts, passages.flatMap((p) => p.spans.map((s) => s.terms)));
  const candidates: QuoteCandidate[] = [];
  const everySpan = new Map<string, QuoteCandidate[]>();
  for (const { source, passage, relative, asked, spans: spanList } of passages) {
    const scored = spanList.map(({ first, last, own: ownTerms, terms }) => {
      const said = coverage(focused, ownTerms);
      const own = terms === ownTerms ? said : Math.max(said, SEARCH_TERMS_CREDIT * coverage(focused, terms));
      // What a span answers: for a turn's opening span, the other speaker's question before it; for a
      // span right after a rhetorical question of the guest's own ("Will it last? I don't know…"), that one.
      const before = spanList.find((b) => b.last === first - 1 && b.first === b.last);
      const answers = first === 0 ? asked : before && isQuestion(passage.sentences[before.last]!.text) ? before.terms : null;
      const borrowed = answers && answers.size > 0 ? ASKED_CREDIT * coverage(focused, new Set([...terms, ...answers])) : 0;
      const shaped = expects !== null && givesAnswer(passage, first, last, expects, question);
      const fit = Math.max(own, borrowed) * (shaped ? ANSWER_SHAPE_FACTOR : 1);
      const asks = isQuestion(passage.sentences[last]!.text);
      return { first, last, terms: ownTerms, asks, coverage: coverage(concepts, terms), fit: asks ? fit * QUESTION_FACTOR : fit };
    });
    // A span with no words of its own (only "的", "Yes.") is never worth quoting.
    const quotable = scored.filter((s) => s.terms.size > 0);
    const matching = quotable.filter((s) => s.fit > 0);
    const chosen = new Set(matching.length > 0 ? matching : quotable.slice(0, 1));
    const all = quotable.map((s) => ({
      source,
      passage,
      first: s.first,
      last: s.last,
      coverage: s.coverage,
      asks: s.asks,
      score: RETRIEVAL_SHARE * relative + (1 - RETRIEVAL_SHARE) * s.fit,
    }));
    everySpan.set(passage.id, all);
    candidates.push(...all.filter((_, i) => chosen.has(quotable[i]!)));
  }
  // On a tie the longer span wins: it is the same words with the short sentence completing them.
  candidates.sort((a, b) => b.score - a.score || a.passage.index - b.passage.index || a.first - b.first || b.last - a.last);
  return { candidates, coverage: best, spans: everySpan };
}

/**
 * What the person said right after the quotes a thread's question was answered with ("so what did they
 * do instead?"): for each quote, in order, the next spans in reading order — on in its passage, then into
 * the person's next passage found (the turn's next paragraph, or the next turn after the other speaker's
 * short reply). The best quote is not given again; the others may be, when they are part of what came
 * after it (an answer often shows the remedy third). Spans that follow on in one paragraph are joined
 * into one quote. Each takes the score of the quote it follows, a little less per step, so what follows
 * the best quote leads.
 */
export function followingSpans(shown: readonly QuoteCandidate[], spans: Evidence['spans']): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  const overlaps = (c: QuoteCandidate) => [...shown.slice(0, 1), ...out].some((s) => s.passage.id === c.passage.id && c.first <= s.last && s.first <= c.last);
  const after = (c: QuoteCandidate): QuoteCandidate | undefined => {
    const own = spans.get(c.passage.id)?.filter((s) => s.first === c.last + 1);
    if (own && own.length > 0) return own.reduce((a, b) => (b.last > a.last ? b : a));
    if (c.last < c.passage.sentences.length - 1) return undefined;
    const next = followingPassage(c.source, c.passage.index, (p) => spans.has(p.id));
    return next && spans.get(next.id)!.find((s) => s.first === 0);
  };
  for (const quote of shown) {
    let at: QuoteCandidate | undefined = quote;
    let previous: QuoteCandidate | undefined;
    for (let step = 1, taken = 0; taken < SEQUEL_PER_QUOTE && (at = after(at)) !== undefined; step++) {
      if (overlaps(at)) {
        previous = undefined;
        continue;
      }
      taken++;
      // What follows on in the same paragraph joins the quote before it: one quote reads in order
      // ("They see data as IP… I understand. To that end, we shifted to synthetic data.").
      if (previous && previous.passage.id === at.passage.id && previous.last + 1 === at.first) {
        previous.last = at.last;
        continue;
      }
      previous = { ...at, score: quote.score * (1 - SEQUEL_STEP * step) };
      out.push(previous);
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Spans taken after each quote shown, and how much one loses per span it lies further on. */
const { sequelPerQuote: SEQUEL_PER_QUOTE, sequelStep: SEQUEL_STEP } = TUNING.evidence;

/** How much more a span fits when it holds the kind of answer asked for (a name for "who"). */
const ANSWER_SHAPE_FACTOR = TUNING.evidence.answerShapeFactor;

/** A person's full name (two capitalised words), a span of time or an amount, in a sentence or its translation. */
const ANSWER_SHAPES: Record<ExpectedAnswer, RegExp> = {
  person: /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/gu,
  time: /\d+\s*(?:年|个月|years?|months?)|[一二三四五六七八九十几]+(?:年|个月)|\b(?:years?|months?|decades?)\b/giu,
  amount: /[$€£¥]\s?\d|\d[\d.,]*\s*(?:%|万|亿|美元|元|倍|billion|million|thousand|percent)|[几数][十百千万亿]+(?:美元|元)?/giu,
};

/** Whether a span holds the kind of answer asked for, other than a name the question itself gives. */
function givesAnswer(passage: Passage, first: number, last: number, expects: ExpectedAnswer, question: string): boolean {
  for (let i = first; i <= last; i++) {
    const s = passage.sentences[i]!;
    for (const text of [s.text, s.translation ?? '']) {
      for (const m of text.matchAll(ANSWER_SHAPES[expects])) if (!question.includes(m[0])) return true;
    }
  }
  return false;
}

/** How much more a question word weighs in choosing sentences when few retrieved sentences have it. */
const FOCUS_BOOST = TUNING.evidence.focusBoost;

/**
 * The question's concepts reweighted for choosing among the retrieved sentences: a word most of them
 * share ("synthetic data" when all are about it) tells them apart less than one few of them have
 * ("sustainable"), which is usually what the question asks about that topic.
 */
function focusWeights(concepts: readonly QueryConcept[], spanTerms: readonly Set<string>[]): QueryConcept[] {
  if (spanTerms.length === 0) return [...concepts];
  return concepts.map((c) => {
    const having = spanTerms.filter((t) => t.has(c.term) || c.related.some((r) => t.has(r))).length;
    return { ...c, weight: c.weight * (1 + FOCUS_BOOST * (1 - having / spanTerms.length)) };
  });
}

/** A quote scoring below this share of the best one is left out rather than shown as filler. */
const MIN_RELATIVE_SCORE = TUNING.evidence.minRelativeScore;

/** Spans one passage may give. */
const MAX_PER_PASSAGE = TUNING.evidence.maxPerPassage;
/** How a second sentence from an already-quoted passage is weighed against other passages. */
const SAME_PASSAGE_WEIGHT = TUNING.evidence.samePassageWeight;

/**
 * The best candidates, none overlapping another and none under half the best statement's score, at most
 * two spans a passage. Picking is greedy; a second span of a passage already quoted competes at
 * SAME_PASSAGE_WEIGHT, so the first quotes tend to show different passages (a second reading of the
 * question, a second part of the answer) unless the passage's next sentence is nearly as good.
 */
export function pickQuotes(candidates: readonly QuoteCandidate[], max: number): QuoteCandidate[] {
  // Statements first: a rhetorical question ("Where will the market go?") is shown only after every
  // statement good enough to quote, however well its words match.
  const statements = candidates.filter((c) => !c.asks);
  const ordered = [...statements, ...candidates.filter((c) => c.asks)];
  const floor = (statements[0] ?? candidates[0])?.score ?? 0;
  const eligible = ordered.filter((c) => c.score >= floor * MIN_RELATIVE_SCORE);
  const picked: QuoteCandidate[] = [];
  const perPassage = new Map<string, number>();
  // Greedy: a second sentence of a passage already quoted competes at a discount, so other passages come
  // first unless that sentence is clearly the better evidence.
  const rank = (c: QuoteCandidate) => c.score * ((perPassage.get(c.passage.id) ?? 0) > 0 ? SAME_PASSAGE_WEIGHT : 1);
  while (picked.length < max) {
    let best: QuoteCandidate | undefined;
    for (const c of eligible) {
      if (picked.includes(c) || (perPassage.get(c.passage.id) ?? 0) >= MAX_PER_PASSAGE) continue;
      if (picked.some((p) => p.passage.id === c.passage.id && c.first <= p.last && p.first <= c.last)) continue;
      // Statements stay ahead of rhetorical questions whatever the scores.
      if (!best || (best.asks && !c.asks) || (best.asks === c.asks && rank(c) > rank(best))) best = c;
    }
    if (!best) break;
    picked.push(best);
    perPassage.set(best.passage.id, (perPassage.get(best.passage.id) ?? 0) + 1);
  }
  // Kept in picking order: a longer page starts with the same quotes, so paging never repeats one.
  return picked;
}
