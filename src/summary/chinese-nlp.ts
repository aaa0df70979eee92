import { tagWords } from '../search/jieba.ts';

/**
 * Chinese content words and noun phrases from jieba's part-of-speech tags: nouns (n, nr, ns, nt, nz,
 * vn), verbs (v), adjectives (a), idioms (i, l) and Latin words (eng). Single-character verbs such as
 * 卖 ("sell") carry the claim in 只卖模型 and are kept, which a length filter would lose.
 */
const CONTENT = /^(?:n|nr|ns|nt|nz|vn|v|a|an|i|l|eng)$/;
const NOMINAL = /^(?:n|nr|ns|nt|nz|vn|eng)$/;
const FUNCTION_WORDS = new Set(['是', '有', '会', '能', '要', '说', '让', '做', '来', '去', '在', '对', '为', '把', '被', '就']);

export function chineseContentWords(text: string): string[] {
  return tagWords(text)
    .filter((t) => CONTENT.test(t.tag) && !FUNCTION_WORDS.has(t.word) && t.word.trim().length > 0)
    .map((t) => t.word.toLowerCase());
}

/** Runs of nouns (with adjectives in front), e.g. 数据质量, 合成数据市场: titles for untranslated text. */
export function chineseNounPhrases(text: string): string[] {
  const out: string[] = [];
  let run: { word: string; tag: string }[] = [];
  const flush = () => {
    while (run.length > 0 && !NOMINAL.test(run.at(-1)!.tag)) run.pop();
    if (run.length > 0) out.push(run.map((t) => t.word).join(''));
    run = [];
  };
  for (const t of tagWords(text)) {
    if (NOMINAL.test(t.tag) || ((t.tag === 'a' || t.tag === 'an') && run.length === 0)) run.push(t);
    else flush();
  }
  flush();
  return out.filter((p) => p.length >= 2);
}
