import type { Corpus, Passage } from '../corpus/types.ts';
import { TUNING } from '../tuning.ts';
import { englishTerm } from '../search/english.ts';
import { passageTranslation } from '../search/fields.ts';
import type { PassageIndex } from '../search/passage-index.ts';
import { tokenizeForIndex } from '../search/tokenize.ts';

/** A topic the corpus covers: an English label, the original heading when there is one, and its terms. */
export interface Topic {
  label: string;
  /** The heading in the source's language (Chinese sources), for answers in that language. */
  original?: string;
  terms: Set<string>;
}

/** Words that make poor topics on their own, however often they occur. */
const GENERIC = new Set(
  [
    'think', 'know', 'want', 'need', 'make', 'way', 'good', 'great', 'like', 'see', 'look', 'get', 'go', 'come',
    'mean', 'believe', 'feel', 'people', 'time', 'year', 'years', 'point', 'able', 'much', 'many', 'well',
    'still', 'say', 'talk', 'work', 'use', 'new', 'thing', 'lot', 'really', 'true', 'sense', 'start', 'keep',
    'give', 'take', 'put', 'tell', 'try', 'let', 'seem', 'happen', 'become', 'today', 'now', 'day', 'world',
    'already', 'next', 'change', 'big', 'huge', 'build', 'develop', 'person', 'human', 'important', 'different',
    'better', 'best', 'hard', 'easy', 'whole', 'certain', 'specific', 'possible', 'probably', 'definitely',
  ]
    .map(englishTerm)
    .filter((t): t is string => t !== null),
);

// Enough passages to find what a large corpus keeps coming back to, without reading all of it.
const MAX_PASSAGES = TUNING.topics.maxPassages;
const MAX_TOPICS = TUNING.topics.maxTopics;

function englishOf(passage: Passage, language: string): string {
  return passageTranslation(passage) || (language.startsWith('en') ? passage.text : '');
}

interface Phrase {
  surface: Map<string, number>;
  passages: number;
  terms: string[];
}

/** Runs of content words in English text (a run breaks at punctuation and stop words). */
function contentRuns(text: string): Array<Array<{ word: string; term: string }>> {
  const runs: Array<Array<{ word: string; term: string }>> = [];
  for (const chunk of text.split(/[.,;:!?()"“”‘’—–]+|\s-\s/)) {
    let run: Array<{ word: string; term: string }> = [];
    for (const word of chunk.split(/\s+/)) {
      const clean = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}*+#]+$/gu, '');
      const term = clean.length >= 3 && !/^\d+$/.test(clean) ? englishTerm(clean.toLowerCase()) : null;
      if (term === null || GENERIC.has(term)) {
        if (run.length > 0) runs.push(run);
        run = [];
      } else {
        run.push({ word: clean, term });
      }
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

/** Key phrases of the guests' words (by their English), most telling first. */
function keyPhrases(corpus: Corpus, index: PassageIndex): string[] {
  const language = new Map(corpus.sources.map((s) => [s.meta.id, s.meta.language]));
  const guest = corpus.passages.filter((p) => p.role === 'guest');
  const step = Math.max(1, Math.ceil(guest.length / MAX_PASSAGES));
  const phrases = new Map<string, Phrase>();
  for (let i = 0; i < guest.length; i += step) {
    const p = guest[i]!;
    const seen = new Set<string>();
    for (const run of contentRuns(englishOf(p, language.get(p.sourceId) ?? 'en'))) {
      for (let n = 1; n <= 3; n++) {
        for (let a = 0; a + n <= run.length; a++) {
          const words = run.slice(a, a + n);
          const key = words.map((w) => w.term).join(' ');
          const entry = phrases.get(key) ?? { surface: new Map(), passages: 0, terms: words.map((w) => w.term) };
          // As written: names keep their capitals, and the usual (mid-sentence) form wins the count below.
          const surface = words.map((w) => w.word).join(' ');
          entry.surface.set(surface, (entry.surface.get(surface) ?? 0) + 1);
          if (!seen.has(key)) {
            entry.passages++;
            seen.add(key);
          }
          phrases.set(key, entry);
        }
      }
    }
  }
  const scored: Array<{ key: string; label: string; score: number; terms: string[] }> = [];
  for (const [key, e] of phrases) {
    if (e.passages < 2) continue;
    const label = [...e.surface].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]![0];
    // Adverbs ("completely") describe, they are not subjects.
    if (label.split(' ').some((w) => /ly$/.test(w))) continue;
    const idf = e.terms.reduce((sum, t) => sum + index.idf(t), 0) / e.terms.length;
    // A lone word must be rare to say something; a phrase repeated across passages already does.
    if (e.terms.length === 1 && idf < 2.5) continue;
    const lengthFactor = e.terms.length === 1 ? 0.6 : e.terms.length;
    scored.push({ key, label, score: e.passages * idf * lengthFactor, terms: e.terms });
  }
  scored.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  const chosen: typeof scored = [];
  for (const s of scored) {
    // Skip a phrase whose words are all inside one already chosen (or that contains a chosen one's words).
    const overlaps = chosen.some((c) => s.terms.every((t) => c.terms.includes(t)) || c.terms.every((t) => s.terms.includes(t)));
    if (!overlaps) chosen.push(s);
    if (chosen.length >= MAX_TOPICS) break;
  }
  return chosen.map((c) => c.label);
}

/** Topics a corpus covers, best first: the editors' headings, then key phrases of the guests' words. */
export function corpusTopics(corpus: Corpus, index: PassageIndex): Topic[] {
  const topics: Topic[] = [];
  const seen = new Set<string>();
  const add = (label: string, original?: string) => {
    const key = label.toLowerCase();
    if (seen.has(key) || topics.length >= MAX_TOPICS) return;
    seen.add(key);
    topics.push({ label, ...(original ? { original } : {}), terms: new Set(tokenizeForIndex(`${label}\n${original ?? ''}`)) });
  };
  for (const source of corpus.sources) {
    for (const p of source.passages) {
      if (p.role !== 'heading') continue;
      const en = passageTranslation(p);
      if (en) add(en, p.text);
      else if (source.meta.language.startsWith('en')) add(p.text);
    }
  }
  for (const phrase of keyPhrases(corpus, index)) add(phrase);
  return topics;
}

/**
 * The topics nearest to a question's terms (sharing the most, weighted by rarity), filled up with the
 * corpus's leading topics when fewer are near.
 */
export function nearestTopics(topics: readonly Topic[], terms: ReadonlySet<string>, idf: (t: string) => number, count: number): Topic[] {
  const scored = topics
    .map((topic, order) => {
      let score = 0;
      for (const t of topic.terms) if (terms.has(t)) score += idf(t);
      return { topic, order, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const out = scored.slice(0, count).map((s) => s.topic);
  for (const topic of topics) {
    if (out.length >= count) break;
    if (!out.includes(topic)) out.push(topic);
  }
  return out;
}
