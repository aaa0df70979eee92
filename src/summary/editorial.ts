import type { Passage, Source } from '../corpus/types.ts';
import { chineseContentWords } from './chinese-nlp.ts';
import { englishTerms } from './terms.ts';
import { hasChinese } from '../text/language.ts';

/**
 * What a source's own editors say matters: an article's headline, its lede's bullets or short lede
 * lines, and its section headings. A digest must not leave these out, so each is matched to the guest
 * sentences that make the point, and the theme holding the best match is chosen first.
 */
export interface EditorialClaim {
  sourceId: string;
  kind: 'headline' | 'lede' | 'heading';
  /** The editors' text, as written. */
  text: string;
  /** Its English rendering, when the source gives one. */
  english: string | null;
  /** For a heading: the section name as passages carry it (Passage.section). */
  section: string | null;
}

/** A lede line this short (characters for Chinese, words × 2 for English) and without a comma is a point. */
const MAX_LEDE_CHARS = 20;
const BULLET = /^\s*(?:[-–—•*·]|\d+[.)、])\s*/;

/** A short unbulleted lede line is an editorial point ("只卖模型真的不赚钱!"); a longer one is narration. */
function isShortClaim(text: string): boolean {
  const t = text.trim();
  if (!t || /[,,;;::]/.test(t.slice(0, -1)) || /[::]\s*$/.test(t) || /https?:\/\//.test(t)) return false;
  const size = hasChinese(t) ? t.replace(/\s/g, '').length : t.split(/\s+/).length * 2;
  return size >= 4 && size <= MAX_LEDE_CHARS;
}

/**
 * The source article's headline: its title (meta `sourceArticle`), or the part inside 《》 when the
 * field also names the publication ("量子位: 《Transformer作者预警…》").
 */
function headlineOf(source: Source): string | null {
  const article = source.meta.sourceArticle;
  if (!article) return null;
  return /《([^》]+)》/.exec(article)?.[1] ?? article.trim();
}

export function editorialClaims(source: Source): EditorialClaim[] {
  const claims: EditorialClaim[] = [];
  const base = { sourceId: source.meta.id, english: null, section: null };
  const headline = headlineOf(source);
  if (headline) claims.push({ ...base, kind: 'headline', text: headline });

  // The lede: narration before anyone speaks. Bullet items always count; other lines when short.
  const firstSpoken = source.passages.findIndex((p) => p.role === 'host' || p.role === 'guest' || p.role === 'other');
  const lede = source.passages.slice(0, firstSpoken < 0 ? 0 : firstSpoken).filter((p) => p.role === 'narration');
  let bulletNext = false;
  for (const p of lede) {
    const text = p.text.trim();
    if (/^[-–—•*·]$/.test(text)) {
      bulletNext = true;
      continue;
    }
    const bulleted = bulletNext || BULLET.test(text);
    bulletNext = false;
    const body = text.replace(BULLET, '');
    if (bulleted ? body.length > 0 : isShortClaim(body)) claims.push({ ...base, kind: 'lede', text: body });
  }

  const seen = new Set<string>();
  for (const p of source.passages) {
    if (p.role !== 'heading' || seen.has(p.text)) continue;
    seen.add(p.text);
    const english = p.sentences.map((s) => s.translation).filter((t): t is string => !!t).join(' ');
    claims.push({ ...base, kind: 'heading', text: p.text, english: english || null, section: p.text });
  }
  return claims;
}

/** Content words of a text for matching claims to sentences, in the text's own language. */
export function claimWords(text: string): string[] {
  return hasChinese(text) ? chineseContentWords(text) : englishTerms(text).map((t) => t.key);
}

/** Inverse document frequencies of words over a list of word lists (one per sentence). */
export function wordIdf(lists: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const list of lists) for (const w of new Set(list)) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [w, n] of df) idf.set(w, Math.log(1 + lists.length / n));
  return idf;
}

/**
 * How much of a claim a sentence says, from 0 to 1: the idf-weighted share of the claim's words the
 * sentence uses. Words the sentences never use (the editors' own phrasing) still count against it.
 */
export function claimCoverage(claim: string[], sentence: Set<string>, idf: Map<string, number>, unseen: number): number {
  let total = 0;
  let hit = 0;
  for (const w of new Set(claim)) {
    const weight = idf.get(w) ?? unseen;
    total += weight;
    if (sentence.has(w)) hit += weight;
  }
  return total === 0 ? 0 : hit / total;
}

/** A passage's sentence words in the source's own language (what the editors' claims are written in). */
export function sentenceWords(passage: Passage, index: number): string[] {
  return claimWords(passage.sentences[index]!.text);
}
