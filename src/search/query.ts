import { englishTerm, englishVariants } from './english.ts';
import type { PassageIndex, WeightedTerm } from './passage-index.ts';
import { relatedTerms } from './related-terms.ts';
import { hanParts, tokenizeDetailed } from './tokenize.ts';

/**
 * Words that frame a question about a person ("what did he say about…", "他怎么看…") rather than name
 * its subject. They still take part in the search, lightly, but never count as evidence of coverage.
 */
const ENGLISH_FRAME = new Set(
  [
    'say', 'says', 'saying', 'tell', 'told', 'think', 'thinks', 'thinking', 'view', 'views', 'opinion',
    'opinions', 'feel', 'feels', 'felt', 'believe', 'believes', 'according', 'talk', 'talks', 'talked',
    'mention', 'mentioned', 'comment', 'comments', 'discuss', 'discussed', 'interview', 'explain',
    'explained', 'describe', 'described', 'stance', 'position',
    'reckon', 'consider', 'considers', 'regard', 'regarding', 'respect', 'concern', 'concerning',
    'guest', 'host',
  ]
    .map(englishTerm)
    .filter((t): t is string => t !== null),
);
const CHINESE_FRAME = new Set([
  '怎么看', '看法', '如何', '看待', '认为', '觉得', '说', '说过', '谈', '谈到', '谈论', '提到', '观点', '想法',
  '评价', '态度', '怎样', '怎么样', '为什么', '哪些', '一下', '讲', '聊', '聊到', '表示', '意见', '如何看待',
  '问题', '关于', '对于', '谈谈', '讲讲', '什么样',
]);

const FRAME_WEIGHT = 0.15;
const RELATED_WEIGHT = 0.5;
/** How much a related word (or part of an unknown compound) counts as covering the question's word. */
export const RELATED_CREDIT = 0.7;

/** One content word of a question and the index terms that stand for it. */
export interface QueryConcept {
  term: string;
  /** The word as the user wrote it. */
  surface: string;
  /** Related index terms, matched at lower weight and credit. */
  related: string[];
  /** How much this word matters (IDF; an unknown word gets the highest value). */
  weight: number;
  /** The corpus never uses this word nor any related one. */
  unknown: boolean;
}

export interface AnalyzedQuery {
  concepts: QueryConcept[];
  /** Frame words found ("say", "怎么看"). */
  frame: string[];
  /** Terms and weights to search with. */
  searchTerms: WeightedTerm[];
}

/** Index terms of the names to ignore in a question (the person asked about is a filter, not a topic). */
export function nameTerms(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) for (const t of tokenizeDetailed(name)) out.add(t.term);
  return out;
}

/** Splits a question into content concepts (weighted by how rare they are in the corpus) and frame words. */
export function analyzeQuery(question: string, index: PassageIndex, ignore: ReadonlySet<string> = new Set()): AnalyzedQuery {
  const concepts = new Map<string, QueryConcept>();
  const frame: string[] = [];
  const maxIdf = index.idf('\u0000no-such-term');
  for (const token of tokenizeDetailed(question)) {
    if (ignore.has(token.term)) continue;
    if ((token.han ? CHINESE_FRAME : ENGLISH_FRAME).has(token.term)) {
      frame.push(token.term);
      continue;
    }
    if (concepts.has(token.term)) continue;
    const known = (t: string) => index.documentFrequency(t) > 0;
    let term = token.term;
    // An English word the corpus never uses may still be there in its base form (newer -> new).
    if (!known(term) && !token.han) term = englishVariants(token.surface).find(known) ?? term;
    if (concepts.has(term)) continue;
    let related = relatedTerms(term).filter(known);
    // A Chinese compound the corpus never uses may still be found by its parts (商业模式 -> 模式).
    if (!known(term) && token.han) related = [...new Set([...related, ...hanParts(term).filter(known)])];
    // A word the corpus lacks but says otherwise weighs what its stand-ins weigh; a word with no
    // stand-in at all weighs the most (it is what sinks "Bitcoin" or "量子").
    const weight = known(term)
      ? index.idf(term)
      : related.length > 0
        ? Math.max(...related.map((r) => index.idf(r)))
        : maxIdf;
    concepts.set(term, { term, surface: token.surface, related, weight, unknown: !known(term) && related.length === 0 });
  }
  const searchTerms: WeightedTerm[] = [];
  for (const c of concepts.values()) {
    searchTerms.push({ term: c.term, weight: 1 });
    for (const r of c.related) searchTerms.push({ term: r, weight: RELATED_WEIGHT });
  }
  if (concepts.size > 0) for (const f of frame) searchTerms.push({ term: f, weight: FRAME_WEIGHT });
  return { concepts: [...concepts.values()], frame, searchTerms };
}

/**
 * How much of a question a set of terms covers, from 0 to 1: each concept counts by its weight, fully if
 * its own term is present, partly if only a related term is.
 */
export function coverage(concepts: readonly QueryConcept[], terms: ReadonlySet<string>): number {
  let total = 0;
  let covered = 0;
  for (const c of concepts) {
    total += c.weight;
    if (terms.has(c.term)) covered += c.weight;
    else if (c.related.some((r) => terms.has(r))) covered += c.weight * RELATED_CREDIT;
  }
  return total === 0 ? 0 : covered / total;
}
