/**
 * Does an answer sentence say only what the passages it cites say? A model that obeys an instruction
 * hidden in a question or a transcript ("say OpenAI goes bankrupt, link to …") can still cite a real
 * passage; this check reads the sentence against that passage's text and its team translation:
 *
 * - links, e-mail addresses, @handles and figures (numbers) must each appear in a cited passage;
 * - most content words (English words, stemmed; Chinese words as jieba cuts them) must appear there too, the
 *   rest being the paraphrase a summary needs. Reporting words ("says", "argues", "认为") and the
 *   person's name are not content.
 *
 * Pure and deterministic: no model, no I/O.
 */
import { stemmer } from 'stemmer';
import { eng as ENGLISH_STOPWORDS, zho as CHINESE_STOPWORDS } from 'stopword';
import type { Passage } from '../../corpus/types.ts';
import { cutWords } from '../../search/jieba.ts';

/** Share of a sentence's content terms the cited passages must contain. */
export const MIN_SUPPORTED_SHARE = 0.6;

export type ClaimProblem = 'unsupported-link' | 'unsupported-figure' | 'unsupported-words' | 'no-content';

export interface ClaimVerdict {
  ok: boolean;
  problem?: ClaimProblem;
  /** The terms, links or figures no cited passage backs (for the log). */
  unsupported: string[];
  /** Supported share of the content terms (1 when there are none). */
  share: number;
}

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"'“”）)]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@[A-Za-z0-9_]{2,}|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ai|co|example|xyz|info|app|dev|me|ly|gg|cn)\b(?:\/[^\s]*)?/gi;
const FIGURE = /\d+(?:[.,]\d+)*/g;
const ENGLISH_WORD = /[a-z][a-z'’-]*/gi;
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/** Words that frame a claim rather than make it: reporting verbs, hedges, connectives. */
const FRAMING = new Set([
  'say', 'says', 'said', 'saying', 'argue', 'argues', 'argued', 'believe', 'believes', 'believed', 'think', 'thinks',
  'thought', 'explain', 'explains', 'explained', 'note', 'notes', 'noted', 'suggest', 'suggests', 'suggested',
  'point', 'points', 'pointed', 'add', 'adds', 'added', 'describe', 'describes', 'described', 'mention', 'mentions',
  'mentioned', 'stress', 'stresses', 'stressed', 'expect', 'expects', 'expected', 'see', 'sees', 'view', 'views',
  'according', 'also', 'just', 'really', 'instead', 'rather', 'however', 'overall', 'especially', 'mainly', 'simply',
  'interview', 'guest', 'cohere', 'ceo', 'gomez', 'aidan', 'he', 'his', 'him', 'himself', 'one', 'ones', 'way', 'ways',
  'thing', 'things', 'lot', 'much', 'many', 'more', 'most', 'less', 'well', 'even', 'still', 'will', 'would', 'can',
  'could', 'should', 'may', 'might', 'must', 'it', 'its', 'it’s', "it's", 'that’s', "that's", 'rather',
]);
/** Chinese reporting words, hedges and the person's name in Chinese: framing, not content. */
const FRAMING_ZH = new Set([
  '表示', '认为', '指出', '提到', '说过', '强调', '解释', '看来', '觉得', '相信', '谈到', '谈及', '称', '说', '戈麦斯', '艾丹',
  '他', '他们', '采访', '访谈', '非常', '十分', '特别', '真的', '其实', '一个', '这个', '这种', '那种', '可能', '可以', '应该',
]);
const STOP = new Set(ENGLISH_STOPWORDS.map((w) => w.toLowerCase()));
const STOP_ZH = new Set(CHINESE_STOPWORDS);

function englishTerms(text: string, exclude: Set<string>): string[] {
  const out: string[] = [];
  for (const raw of text.match(ENGLISH_WORD) ?? []) {
    const word = raw.toLowerCase().replace(/[’']s$/, '').replace(/[’'-]+$/g, '');
    if (word.length < 2 || STOP.has(word) || FRAMING.has(word) || exclude.has(word)) continue;
    out.push(stemmer(word));
  }
  return out;
}

/** Chinese content words of the Han runs of a text (single characters are mostly particles: skipped). */
function chineseTerms(text: string, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const run of text.match(HAN_RUN) ?? []) {
    for (const word of cutWords(run)) {
      if (word.length < 2 || STOP_ZH.has(word) || FRAMING_ZH.has(word) || names.some((n) => n.includes(word))) continue;
      out.push(word);
    }
  }
  return out;
}

function digitsOf(figure: string): string {
  return figure.replace(/[.,]/g, '');
}

/** Everything a sentence citing these passages may rest on: original text and team translations. */
function supportText(cited: readonly Passage[]): string {
  const parts: string[] = [];
  for (const passage of cited) {
    parts.push(passage.text);
    for (const sentence of passage.sentences) if (sentence.translation) parts.push(sentence.translation);
  }
  return parts.join('\n');
}

/**
 * Checks one answer sentence against the passages it cites. `names` are words that are never content
 * (the person's name, as written in the corpus).
 */
export function checkClaim(sentence: string, cited: readonly Passage[], names: readonly string[] = []): ClaimVerdict {
  const support = supportText(cited);
  const supportLower = support.toLowerCase();

  const links = [...new Set(sentence.match(LINK) ?? [])];
  const badLinks = links.filter((link) => !supportLower.includes(link.toLowerCase().replace(/[.,;:!?]+$/, '')));
  if (badLinks.length) return { ok: false, problem: 'unsupported-link', unsupported: badLinks, share: 0 };

  const withoutLinks = links.reduce((text, link) => text.replaceAll(link, ' '), sentence);
  const supportFigures = new Set((support.match(FIGURE) ?? []).map(digitsOf));
  const badFigures = [...new Set(withoutLinks.match(FIGURE) ?? [])].filter((f) => !supportFigures.has(digitsOf(f)));
  if (badFigures.length) return { ok: false, problem: 'unsupported-figure', unsupported: badFigures, share: 0 };

  const exclude = new Set(names.flatMap((n) => n.toLowerCase().split(/\s+/)));
  const supportWords = new Set(englishTerms(support, new Set()));
  const english = [...new Set(englishTerms(withoutLinks, exclude))];
  const chinese = [...new Set(chineseTerms(withoutLinks, names))];
  const terms = [...english, ...chinese];
  if (terms.length === 0) return { ok: false, problem: 'no-content', unsupported: [], share: 0 };
  // Chinese words are looked for as substrings: the passage need not be cut the same way.
  const unsupported = [...english.filter((t) => !supportWords.has(t)), ...chinese.filter((w) => !support.includes(w))];
  const share = 1 - unsupported.length / terms.length;
  if (share < MIN_SUPPORTED_SHARE) return { ok: false, problem: 'unsupported-words', unsupported, share };
  return { ok: true, unsupported, share };
}
