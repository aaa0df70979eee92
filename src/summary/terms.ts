import { cutWords } from '../search/jieba.ts';
import { stemmer } from 'stemmer';
import { eng, zho } from 'stopword';

/**
 * Content terms of a text, for grouping passages into themes and naming them. English words are
 * stemmed (so "models" and "model" meet); Chinese is segmented with jieba. Conversational filler
 * ("really", "think", "yeah") is dropped because it says nothing about what a theme is about.
 */
const FILLER = [
  'really', 'think', 'thing', 'things', 'yeah', 'yes', 'right', 'just', 'actually', 'lot', 'lots', 'kind',
  'sort', 'going', 'gonna', 'know', 'mean', 'said', 'say', 'says', 'like', 'well', 'okay', 'ok', 'sure',
  'maybe', 'probably', 'definitely', 'certainly', 'course', 'way', 'ways', 'get', 'got', 'make', 'makes',
  'made', 'want', 'wanted', 'much', 'many', 'very', 'also', 'even', 'still', 'one', 'two', 'three', 'able',
  'something', 'someone', 'people', 'person', 'time', 'times', 'today', 'now', 'us', 'we', 'our', 'you',
  'your', 'it', 'its', "it's", "that's", "there's", "don't", "doesn't", "i'm", "i've", "we're", "you're",
  "they're", "can't", 'need', 'needs', 'look', 'see', 'feel', 'good', 'great', 'pretty', 'quite', 'bit',
  'whether', 'every', 'point', 'question', 'talk', 'talking', 'come', 'comes', 'go', 'goes', 'put', 'take',
  'interesting', 'true', 'sense', 'fact', 'case', 'example', 'end', 'start', 'new', 'big', 'will', 'would',
  'could', 'should', 'might', 'must', 'shall', 'lot', 'less', 'more', 'most', 'little', 'so', 'and', 'but',
];
const EN_STOP = new Set([...eng, ...FILLER]);
const ZH_STOP = new Set([
  ...zho,
  '我们', '你们', '他们', '它们', '这个', '那个', '这些', '那些', '一个', '什么', '因为', '所以', '但是', '如果',
  '真的', '确实', '非常', '可能', '已经', '还是', '就是', '可以', '没有', '认为', '觉得', '知道', '事情', '东西',
  '现在', '时候', '这样', '那样', '这种', '那种', '是否', '时间', '需要', '一些', '很多', '不是', '对于', '而是',
]);

const CJK = /[\u3400-\u9fff]/;
const EN_WORD = /[a-z0-9][a-z0-9'’-]*[a-z0-9]|[a-z]/g;

/** One content term: `key` is what is compared (stem), `surface` is how it reads. */
export interface Term {
  key: string;
  surface: string;
}

export function englishTerms(text: string): Term[] {
  const out: Term[] = [];
  for (const raw of text.toLowerCase().match(EN_WORD) ?? []) {
    const word = raw.replace(/’/g, "'");
    if (EN_STOP.has(word) || /^\d+$/.test(word) || word.length < 2) continue;
    const surface = word.endsWith("'s") ? word.slice(0, -2) : word;
    if (EN_STOP.has(surface)) continue;
    out.push({ key: stemmer(surface), surface });
  }
  return out;
}

export function chineseTerms(text: string): Term[] {
  const out: Term[] = [];
  for (const token of cutWords(text)) {
    const word = token.trim().toLowerCase();
    if (word.length < 2 || ZH_STOP.has(word)) continue;
    if (CJK.test(word)) out.push({ key: word, surface: word });
    else out.push(...englishTerms(word));
  }
  return out;
}

/** Terms of a text in whatever language it is written in. */
export function termsOf(text: string): Term[] {
  return CJK.test(text) ? chineseTerms(text) : englishTerms(text);
}

/** A bag of terms with counts. */
export type TermBag = Map<string, number>;

export function bagOf(terms: Term[]): TermBag {
  const bag: TermBag = new Map();
  for (const t of terms) bag.set(t.key, (bag.get(t.key) ?? 0) + 1);
  return bag;
}

export function addInto(target: TermBag, source: TermBag, weight = 1): void {
  for (const [k, v] of source) target.set(k, (target.get(k) ?? 0) + v * weight);
}

/** Cosine similarity of two bags, each term weighted by `idf` (1 when unknown). */
export function cosine(a: TermBag, b: TermBag, idf?: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const w = (k: string) => idf?.get(k) ?? 1;
  for (const [k, v] of a) {
    const x = v * w(k);
    na += x * x;
    const other = b.get(k);
    if (other !== undefined) dot += x * other * w(k);
  }
  for (const [k, v] of b) {
    const y = v * w(k);
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
