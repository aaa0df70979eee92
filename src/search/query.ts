import { hasChinese } from '../text/language.ts';
import { TUNING } from '../tuning.ts';
import { englishTerm, englishVariants } from './english.ts';
import type { PassageIndex, WeightedTerm } from './passage-index.ts';
import { relatedTerms } from './related-terms.ts';
import { WEAK_CHINESE, WEAK_ENGLISH } from './stopwords.ts';
import { dictionaryEntry } from './jieba.ts';
import { hanParts, tokenizeDetailed } from './tokenize.ts';
import { wordnetSynonyms } from './wordnet.ts';

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
    'guest', 'host', 'outlook', 'perspective', 'attitude', 'thoughts', 'take', 'side',
    // Asking to hear it again ("can someone remind me what he said"): the request, not its subject.
    'remind', 'recall', 'repeat',
  ]
    .map(englishTerm)
    .filter((t): t is string => t !== null),
);
const CHINESE_FRAME = new Set([
  '怎么看', '看法', '如何', '看待', '认为', '觉得', '说', '说过', '谈', '谈到', '谈论', '提到', '观点', '想法',
  '评价', '态度', '怎样', '怎么样', '为什么', '哪些', '一下', '讲', '聊', '聊到', '表示', '意见', '如何看待',
  '问题', '关于', '对于', '谈谈', '讲讲', '什么样',
  // Colloquial forms of the same question words.
  '为啥', '啥', '咋', '咋样', '咋看',
]);

const WEAK_ENGLISH_TERMS = new Set(WEAK_ENGLISH.map(englishTerm).filter((t): t is string => t !== null));
const WEAK_CHINESE_TERMS = new Set(WEAK_CHINESE);
const { weakConceptWeight: WEAK_CONCEPT_WEIGHT, contextConceptWeight: CONTEXT_CONCEPT_WEIGHT } = TUNING.query;
/** Chinese particles a segmenter may leave glued to a verb ("融了" -> "融"). */
const TRAILING_PARTICLES = /[了过着的地得吗呢吧啊]+$/u;
/** "有没有", "值不值", "会不会": the A-not-A form only asks; what it asks about is elsewhere. */
const A_NOT_A = /^(\p{Script=Han}{1,2})[不没]\1/u;
/**
 * "这门", "那版", "最该": a demonstrative or degree word the segmenter glued to a measure word or a verb.
 * Not 哪 ("哪款游戏" asks for one particular game: that is a topic the transcript must name).
 */
const FUNCTION_PREFIX = /^[这那每某最很太更]\p{Script=Han}$/u;

/** jieba's tags of nouns, names, places, organisations and foreign words: what a question is about. */
const NOUN_TAGS = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'ng', 'eng', 'x']);

const { share: COMMON_CHINESE_SHARE, minFrequency: COMMON_CHINESE_FREQUENCY } = TUNING.query.commonChineseWord;

/**
 * An everyday Chinese word the transcript happens not to use: jieba's dictionary lists it as common and
 * as a verb, adverb, time word … rather than a noun ("掏钱", "管用", "当初"). Paraphrases are made of such
 * words; the subject of a question is a noun or a name, and those keep the full weight of the unknown.
 */
function commonChineseWord(word: string): boolean {
  const entry = dictionaryEntry(word);
  return entry !== undefined && entry.frequency >= COMMON_CHINESE_FREQUENCY && !NOUN_TAGS.has(entry.tag);
}

const { frameWeight: FRAME_WEIGHT, relatedWeight: RELATED_WEIGHT } = TUNING.query;
const WORDNET_CREDIT = TUNING.query.wordnet.credit;
/** How much a related word (or part of an unknown compound) counts as covering the question's word. */
export const RELATED_CREDIT = TUNING.query.relatedCredit;

/** One content word of a question and the index terms that stand for it. */
export interface QueryConcept {
  term: string;
  /** The word as the user wrote it. */
  surface: string;
  /** Related index terms, matched at lower weight and credit. */
  related: string[];
  /** How much a related term counts toward covering this word (RELATED_CREDIT unless set). */
  relatedCredit?: number;
  /** How much this word matters (IDF; an unknown word gets the highest value). */
  weight: number;
  /** The corpus never uses this word nor any related one. */
  unknown: boolean;
  /**
   * Written as a name (a capitalised Latin word inside the question: "Google", "Meta", "Transformer"; in a
   * Chinese question, anywhere).
   */
  named?: boolean;
}

/** What kind of answer a question asks for, when its wording says so ("who" -> a person). */
export type ExpectedAnswer = 'person' | 'time' | 'amount';

export interface AnalyzedQuery {
  concepts: QueryConcept[];
  /** The kind of answer asked for, if the question word says so. */
  expects: ExpectedAnswer | null;
  /** Frame words found ("say", "怎么看"). */
  frame: string[];
  /** Terms and weights to search with. */
  searchTerms: WeightedTerm[];
}

/**
 * The weight of a word the corpus lacks but has stand-ins for. A thesaurus entry is a sure equivalent:
 * the word weighs what its rarest stand-in weighs. WordNet synonyms are a guess among senses: the word
 * weighs what its commonest stand-in weighs, so an uncertain paraphrase neither carries nor sinks a question.
 */
function relatedWeight(related: readonly string[], guessed: boolean, index: PassageIndex): number {
  const weights = related.map((r) => index.idf(r));
  return guessed ? Math.min(...weights) : Math.max(...weights);
}

/** Index terms of a word's WordNet synonyms that the corpus uses and that carry meaning (not weak words). */
function wordnetStandIns(surface: string, term: string, known: (t: string) => boolean): string[] {
  return [...new Set(wordnetSynonyms(surface).map(englishTerm))].filter(
    (t): t is string => t !== null && t !== term && known(t) && !WEAK_ENGLISH_TERMS.has(t),
  );
}

/**
 * The words of a text that could name a topic: not stop words, frame words ("say", "think", "怎么看") or
 * weak words ("exactly", "really"). "what exactly did he say" has none; "does it work for AI" has two.
 */
export function contentTerms(text: string): string[] {
  return tokenizeDetailed(text)
    .filter((t) => !(t.han ? CHINESE_FRAME : ENGLISH_FRAME).has(t.term) && !(t.han ? WEAK_CHINESE_TERMS : WEAK_ENGLISH_TERMS).has(t.term))
    .map((t) => t.term);
}

/** "-ly" words that are nouns, not adverbs. */
const LY_NOUNS = new Set(['family', 'july', 'italy', 'assembly', 'monopoly', 'anomaly', 'ally', 'rally', 'jelly', 'lily', 'fly', 'butterfly', 'bully']);

/**
 * A lower-case English adverb of manner or degree ("instantly", "roughly"): how something is asked,
 * rarely what it is about, so an answer need not repeat it.
 */
function isMannerAdverb(surface: string): boolean {
  const w = surface.toLowerCase();
  return surface === w && w.length > 5 && w.endsWith('ly') && !LY_NOUNS.has(w);
}

/** Index terms of the names to ignore in a question (the person asked about is a filter, not a topic). */
export function nameTerms(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) for (const t of tokenizeDetailed(name)) out.add(t.term);
  return out;
}

/**
 * The terms of a question's marked topic ("synthetic data" in "can someone tell me what he said about
 * synthetic data"), or null when it has none worth weighing apart (no content word of its own).
 */
function topicTerms(topic: string | null | undefined, ignore: ReadonlySet<string>): Set<string> | null {
  if (!topic) return null;
  const terms = tokenizeDetailed(topic)
    .map((t) => t.term)
    .filter((t) => !ignore.has(t) && !ENGLISH_FRAME.has(t) && !CHINESE_FRAME.has(t));
  return terms.length > 0 ? new Set(terms) : null;
}

/**
 * Splits a question into content concepts (weighted by how rare they are in the corpus) and frame words.
 * With a `topic` (the words the question is about), the other words are context: they help rank but
 * weigh little and never sink the question, so chat framing cannot turn an answer into a refusal.
 */
export function analyzeQuery(
  question: string,
  index: PassageIndex,
  ignore: ReadonlySet<string> = new Set(),
  topic?: string | null,
  context?: string | null,
): AnalyzedQuery {
  const concepts = new Map<string, QueryConcept>();
  const frame: string[] = [];
  const maxIdf = index.idf('\u0000no-such-term');
  const tokens = tokenizeDetailed(question);
  const inTopic = topicTerms(topic, ignore);
  const seen = new Set(tokens.map((t) => t.term));
  /** Parts of a hyphenated word read whole ("flip", "flop" of "flip-flopped"). */
  const compoundParts = new Set<string>();
  const known = (t: string) => index.documentFrequency(t) > 0;
  for (const token of tokens) {
    if (ignore.has(token.term)) continue;
    if ((token.han ? CHINESE_FRAME : ENGLISH_FRAME).has(token.term)) {
      frame.push(token.term);
      continue;
    }
    if (concepts.has(token.term) || compoundParts.has(token.term)) continue;
    let term = token.term;
    // "Microsoft-sized": a hyphenated word the corpus never uses stands aside for its parts, which the
    // tokenizer also yields; its unknown whole must not sink the question. Unless it is one word of its
    // own ("flip-flopped": changed one's mind) with WordNet synonyms the corpus uses: then the parts
    // ("flip", "flop") stand aside for it.
    if (!token.han && term.includes('-') && !known(term)) {
      const parts = term.split('-').map(englishTerm).filter((t): t is string => t !== null);
      if (wordnetStandIns(token.surface, term, known).length > 0) for (const p of parts) compoundParts.add(p);
      else if (parts.length > 0 && parts.some((p) => seen.has(p))) continue;
    }
    // An English word the corpus never uses may still be there in its base form (newer -> new).
    if (!known(term) && !token.han) term = englishVariants(token.surface).find(known) ?? term;
    // A particle the segmenter left on a Chinese word ("融了") is not part of it.
    if (!known(term) && token.han) {
      const bare = term.replace(TRAILING_PARTICLES, '');
      if (bare !== '' && bare !== term) term = bare;
    }
    if (concepts.has(term)) continue;
    let related = relatedTerms(term).filter(known);
    // A Chinese compound the corpus never uses may still be found by its parts (商业模式 -> 商业, 模式).
    // Only when every part is there: "苹果公司" is not covered by "公司" alone.
    if (!known(term) && token.han) {
      const parts = hanParts(term);
      if (parts.length > 0 && parts.every(known)) related = [...new Set([...related, ...parts])];
    }
    // An ordinary English word the corpus never uses, with no thesaurus entry: its WordNet synonyms the
    // corpus does use stand in for it, at a low credit ("survive" -> endure). Not for a name ("Bitcoin").
    let relatedCredit: number | undefined;
    if (!token.han && !known(term) && related.length === 0 && token.surface === token.surface.toLowerCase()) {
      related = wordnetStandIns(token.surface, term, known);
      if (related.length > 0) relatedCredit = WORDNET_CREDIT;
    }
    if (inTopic && !inTopic.has(token.term) && !inTopic.has(term) && !known(term)) {
      // Outside the topic, a word the corpus never uses is context, never a reason to refuse; a word it
      // does use keeps its weight ("does he regret anything about X": "regret" is asked about too).
      const weight = Math.min(CONTEXT_CONCEPT_WEIGHT, known(term) ? index.idf(term) : CONTEXT_CONCEPT_WEIGHT);
      concepts.set(term, { term, surface: token.surface, related: [], weight, unknown: false, named: false });
      continue;
    }
    const weak = (token.han ? WEAK_CHINESE_TERMS : WEAK_ENGLISH_TERMS).has(term)
      || (token.han && term.length === 1 && !known(term))
      || (token.han && A_NOT_A.test(term))
      || (token.han && !known(term) && FUNCTION_PREFIX.test(term))
      || (!token.han && !known(term) && related.length === 0 && isMannerAdverb(token.surface))
      // A short lower-case word the corpus never uses ("abt", "pls", "tbh") is chat shorthand, not a topic.
      || (!token.han && !known(term) && related.length === 0 && /^[a-z]{1,3}$/.test(token.surface));
    // A word the corpus lacks but says otherwise weighs what its stand-ins weigh; a word with no
    // stand-in at all weighs the most (it is what sinks "Bitcoin" or "量子"). Weak words weigh little.
    const weight = weak
      ? Math.min(WEAK_CONCEPT_WEIGHT, known(term) ? index.idf(term) : WEAK_CONCEPT_WEIGHT)
      : known(term)
        ? index.idf(term)
        : related.length > 0
          ? relatedWeight(related, relatedCredit !== undefined, index)
          : token.han && commonChineseWord(term)
            ? maxIdf * COMMON_CHINESE_SHARE
            : maxIdf;
    // English capitalises a sentence's first word, so only a capital inside the question marks a name; Chinese
    // does not, so a capitalised Latin word opening a Chinese question ("Cohere有多少员工?") is a name too.
    const named = !token.han && /^\p{Lu}/u.test(token.surface)
      && (!question.trimStart().startsWith(token.surface) || hasChinese(question));
    concepts.set(term, { term, surface: token.surface, related, relatedCredit, weight, unknown: !weak && !known(term) && related.length === 0, named });
  }
  // Context words (a thread's earlier topic behind "what about X?") steer the ranking a little, never the coverage.
  for (const token of context ? tokenizeDetailed(context) : []) {
    if (ignore.has(token.term) || concepts.has(token.term) || (token.han ? CHINESE_FRAME : ENGLISH_FRAME).has(token.term)) continue;
    const weight = Math.min(CONTEXT_CONCEPT_WEIGHT, known(token.term) ? index.idf(token.term) : CONTEXT_CONCEPT_WEIGHT);
    concepts.set(token.term, { term: token.term, surface: token.surface, related: [], weight, unknown: false, named: false });
  }
  const searchTerms: WeightedTerm[] = [];
  for (const c of concepts.values()) {
    searchTerms.push({ term: c.term, weight: 1 });
    for (const r of c.related) searchTerms.push({ term: r, weight: RELATED_WEIGHT });
  }
  if (concepts.size > 0) for (const f of frame) searchTerms.push({ term: f, weight: FRAME_WEIGHT });
  return { concepts: [...concepts.values()], frame, searchTerms, expects: expectedAnswer(question) };
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
    else if (c.related.some((r) => terms.has(r))) covered += c.weight * (c.relatedCredit ?? RELATED_CREDIT);
  }
  return total === 0 ? 0 : covered / total;
}

/** How much a name counts when only the other speaker's words (or a heading) around a turn contain it. */
export const NAMED_CONTEXT_CREDIT = TUNING.query.namedContextCredit;

/**
 * Coverage of a question by a turn: its own words count fully; the words around it (the question it
 * answers, the heading above) count too, since "How much have you raised?" is answered by "About $1
 * billion." — except names, which count little there: a company or a paper the host or the editors
 * mention ("Google", "Transformer") is not something the guest talked about.
 */
export function turnCoverage(concepts: readonly QueryConcept[], own: ReadonlySet<string>, around: ReadonlySet<string>): number {
  const both = new Set([...own, ...around]);
  let total = 0;
  let covered = 0;
  for (const c of concepts) {
    total += c.weight;
    const share = coverage([c], both);
    const onlyAround = c.named === true && share > 0 && coverage([c], own) === 0;
    covered += c.weight * (onlyAround ? NAMED_CONTEXT_CREDIT : share);
  }
  return total === 0 ? 0 : covered / total;
}

const EXPECTS: ReadonlyArray<[ExpectedAnswer, RegExp]> = [
  ['person', /\bwhom?\b|哪位|谁/i],
  ['time', /\bwhen\b|\bhow soon\b|什么时候|何时|多久/i],
  ['amount', /\bhow much (?:money|funding|capital|cash|revenue)\b|\bhow many\b|多少/i],
];

/** The kind of answer a question's wording asks for: "Who…?" a person, "When…?" a time, "How much money…?" an amount. */
export function expectedAnswer(question: string): ExpectedAnswer | null {
  for (const [kind, pattern] of EXPECTS) if (pattern.test(question)) return kind;
  return null;
}
