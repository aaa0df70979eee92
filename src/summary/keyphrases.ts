import { englishTerms } from './terms.ts';

/**
 * Short English titles for themes that have no editors' heading of their own: the words and two-word
 * phrases that are frequent in the theme and rare elsewhere in the corpus.
 */
interface Phrase {
  key: string;
  surface: string;
  stems: string[];
}

const WORD = /[A-Za-z0-9][A-Za-z0-9'’-]*/g;

/** Quantifiers and ordinals qualify a topic without naming one ("few million", "first round"). */
const QUALIFIERS = new Set(['few', 'several', 'various', 'certain', 'whole', 'entire', 'own', 'first', 'last', 'next', 'top', 'other', 'same']);

function phrasesOf(text: string): Phrase[] {
  const out: Phrase[] = [];
  let previous: { stem: string; surface: string; end: number } | null = null;
  for (const match of text.matchAll(WORD)) {
    const term = englishTerms(match[0])[0];
    const start = match.index ?? 0;
    if (!term) {
      previous = null;
      continue;
    }
    // Names keep their capitals ("OpenAI", "Geoff"); an ordinary word that merely opens a sentence does not.
    const opensSentence = start === 0 || /[.!?:;]["”)]?\s*$/.test(text.slice(Math.max(0, start - 3), start));
    const named = /^[A-Z0-9]{2,}|^[A-Z][a-z]+[A-Z]/.test(match[0]) || (/^[A-Z]/.test(match[0]) && !opensSentence);
    const surface = named ? match[0].replace(/['’]s$/, '') : term.surface;
    // Past-tense verbs ("underestimated") and adverbs ("completely") make poor titles.
    if (!named && (/[a-z](ed|ly)$/.test(term.surface) || QUALIFIERS.has(term.surface))) {
      previous = null;
      continue;
    }
    out.push({ key: term.key, surface, stems: [term.key] });
    // Adjacent words separated only by a space form a phrase ("synthetic data", "curriculum learning").
    if (previous && text.slice(previous.end, start) === ' ') {
      out.push({ key: `${previous.stem} ${term.key}`, surface: `${previous.surface} ${surface}`, stems: [previous.stem, term.key] });
    }
    previous = { stem: term.key, surface, end: start + match[0].length };
  }
  return out;
}

/** Document frequencies of phrases over a set of texts (one text per theme candidate). */
export class PhraseStats {
  private readonly df = new Map<string, number>();
  private docs = 0;

  add(texts: string[]): void {
    this.docs++;
    const seen = new Set(texts.flatMap((t) => phrasesOf(t).map((p) => p.key)));
    for (const k of seen) this.df.set(k, (this.df.get(k) ?? 0) + 1);
  }

  /**
   * Up to `count` distinct key phrases of the texts, best first. A phrase must occur `minCount` times
   * (2 for a theme: one mention is not what it is about; 1 for a single quote); phrases sharing a stem
   * with `boost` (the topic asked about) score double.
   */
  top(texts: string[], count: number, options: { minCount?: number; boost?: string[] } = {}): string[] {
    const minCount = options.minCount ?? 2;
    const boost = new Set(options.boost ?? []);
    const tf = new Map<string, { phrase: Phrase; n: number }>();
    for (const p of texts.flatMap(phrasesOf)) {
      const entry = tf.get(p.key);
      if (entry) entry.n++;
      else tf.set(p.key, { phrase: p, n: 1 });
    }
    const scored = [...tf.values()]
      .filter((e) => e.n >= minCount)
      .map((e) => {
        const idf = Math.log(1 + this.docs / (this.df.get(e.phrase.key) ?? 1));
        const lengthBonus = e.phrase.stems.length === 2 ? 3 : 1;
        const topicBonus = e.phrase.stems.some((st) => boost.has(st)) ? 2 : 1;
        return { phrase: e.phrase, score: e.n * idf * lengthBonus * topicBonus, n: e.n };
      })
      .sort((a, b) => b.score - a.score || a.phrase.key.localeCompare(b.phrase.key));
    const chosen: Phrase[] = [];
    const best = scored[0]?.score ?? 0;
    for (const { phrase, score } of scored) {
      if (chosen.length >= count) break;
      // A weak second phrase makes a worse title than none ("Curriculum learning and machine").
      if (chosen.length > 0 && score < best * 0.5) break;
      if (chosen.some((c) => c.stems.some((s) => phrase.stems.includes(s)))) continue;
      chosen.push(phrase);
    }
    return chosen.map((p) => p.surface);
  }
}

/** "synthetic data" + "enterprise" → "Synthetic data and enterprise". */
export function titleFromPhrases(phrases: string[]): string {
  const text = phrases.length <= 1 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

