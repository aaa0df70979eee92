/**
 * The baseline a competent engineer builds in an afternoon: MiniSearch BM25 over the guest's sentences,
 * jieba for the Chinese, the stemmed English translation indexed beside it (optionally the corpus's
 * search terms too), the top three sentences, no refusal and no follow-up handling. Our lead over it is
 * what the reading, the evidence scoring and the refusal buy.
 */
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import type { Corpus } from '../src/corpus/types.ts';
import { cutForIndex } from '../src/search/jieba.ts';

interface SentenceDoc {
  id: number;
  zh: string;
  en: string;
  terms: string;
}

/** Jieba for Han runs, lower-cased Porter stems for Latin words: what the afternoon engineer would write. */
function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(\p{Script=Han}+)|([\p{L}\p{N}]+)/gu)) {
    if (m[1]) out.push(...cutForIndex(m[1]).filter((w) => w.trim() !== ''));
    else if (m[2]) out.push(stemmer(m[2].toLowerCase()));
  }
  return out;
}

export class AfternoonBaseline {
  private readonly search: MiniSearch<SentenceDoc>;
  private readonly texts: string[] = [];

  constructor(corpus: Corpus, withTerms: boolean) {
    this.search = new MiniSearch<SentenceDoc>({ fields: withTerms ? ['zh', 'en', 'terms'] : ['zh', 'en'], tokenize, processTerm: (t) => t });
    const docs: SentenceDoc[] = [];
    for (const p of corpus.passages) {
      if (p.role !== 'guest') continue;
      for (const s of p.sentences) {
        docs.push({ id: this.texts.length, zh: s.text, en: s.translation ?? '', terms: [s.terms, s.termsZh].filter(Boolean).join(', ') });
        this.texts.push(s.text);
      }
    }
    this.search.addAll(docs);
  }

  /** The top three guest sentences for a question (never refuses). */
  top3(question: string): string[] {
    return this.search.search(question).slice(0, 3).map((r) => this.texts[r.id as number]!);
  }
}
