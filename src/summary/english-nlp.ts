import { createRequire } from 'node:module';
import type winkNLPType from 'wink-nlp';
import type { ItemSentence } from 'wink-nlp';

// Required on first use, not imported: answering a question never pays the ~0.3 s the model takes to load.
const require = createRequire(import.meta.url);

/**
 * English parts of speech from wink-nlp's English model, loaded on first use (about 0.3 s): titles are
 * noun phrases and claims, and telling a noun from a verb needs a tagger, not a word list.
 */
let nlp: ReturnType<typeof winkNLPType> | undefined;

function tagger(): ReturnType<typeof winkNLPType> {
  if (!nlp) {
    const winkNLP = require('wink-nlp') as typeof winkNLPType;
    nlp = winkNLP(require('wink-eng-lite-web-model'));
  }
  return nlp;
}

/** One token: its text, Universal POS tag and lemma. */
export interface TaggedToken {
  text: string;
  pos: string;
  lemma: string;
}

/** Tokens of each sentence of an English text. */
export function tagSentences(text: string): TaggedToken[][] {
  const engine = tagger();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const out: TaggedToken[][] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const tokens = sentence.tokens();
    const words = tokens.out() as string[];
    const tags = tokens.out(its.pos) as string[];
    // wink's typings declare its.lemma with a narrower signature than out() accepts; it works at run time.
    const lemmas = tokens.out(its.lemma as unknown as typeof its.pos) as string[];
    out.push(words.map((w, i) => ({ text: w, pos: tags[i] ?? 'X', lemma: lemmas[i] ?? w.toLowerCase() })));
  });
  return out;
}

/** Words that open a noun phrase without adding to what it names ("the", "your", "some"). */
const LEADING = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'your', 'my', 'our', 'their', 'his', 'her', 'its',
  'some', 'any', 'all', 'every', 'each', 'such', 'much', 'many', 'more', 'most', 'other', 'another', 'own',
  'same', 'certain', 'whole', 'entire', 'few', 'several', 'various', 'lot', 'kind', 'sort', 'bunch', 'type',
  'types', 'piece', 'way', 'thing', 'things', 'stuff', 'one', 'first', 'last', 'next', 'new', 'big', 'good',
  'great', 'cool', 'real', 'actual', 'particular', 'specific', 'different', 'huge', 'little', 'whatever',
]);

/** Prepositions that join a head noun to its complement inside one noun phrase ("cost of inference"). */
const LINKS = new Set(['of', 'for', 'in', 'on', 'with', 'vs', 'versus', 'from', 'about', 'between']);

/** A noun phrase found in the text: its words as written, and its content words' lemmas. */
export interface NounPhrase {
  words: string[];
  lemmas: string[];
}

const isNominal = (t: TaggedToken) => t.pos === 'NOUN' || t.pos === 'PROPN';
/** Modifiers: adjectives, nouns, numbers, and participles tagged as verbs ("hosted", "fine-tuned") before a noun. */
const isModifier = (t: TaggedToken, next: TaggedToken | undefined) =>
  t.pos === 'ADJ' || isNominal(t) || (t.pos === 'VERB' && /(?:ed|en)$/i.test(t.text) && next !== undefined && isNominal(next));

/**
 * Noun phrases of an English text: runs of modifiers ending in a noun, optionally with one
 * prepositional complement ("evaluation set for your use case"). Determiners, possessives, vague
 * heads ("kind", "lot", "thing") and quantifiers are dropped from the front; coordinations are split,
 * so a phrase never joins two things with "and".
 */
export function nounPhrases(text: string): NounPhrase[] {
  const phrases: NounPhrase[] = [];
  for (const tokens of tagSentences(text)) {
    let i = 0;
    while (i < tokens.length) {
      const start = i;
      while (i < tokens.length && isModifier(tokens[i]!, tokens[i + 1])) i++;
      // Back off to the last nominal: a run must end in a noun.
      let end = i;
      while (end > start && !isNominal(tokens[end - 1]!)) end--;
      if (end === start) {
        i = Math.max(i, start + 1);
        continue;
      }
      let words = tokens.slice(start, end);
      // Optional complement: preposition, optional determiner/possessive, modifiers ending in a noun.
      const link = tokens[end];
      if (link && link.pos === 'ADP' && LINKS.has(link.text.toLowerCase())) {
        let j = end + 1;
        // Articles go; a possessive stays ("muscle in your brain"); a deictic ("in this case") ends the phrase.
        if (j < tokens.length && /^(?:this|that|these|those)$/i.test(tokens[j]!.text)) j = tokens.length;
        while (j < tokens.length && /^(?:the|a|an)$/i.test(tokens[j]!.text)) j++;
        if (j < tokens.length && tokens[j]!.pos === 'PRON') j++;
        const from = j;
        while (j < tokens.length && isModifier(tokens[j]!, tokens[j + 1])) j++;
        let to = j;
        while (to > from && !isNominal(tokens[to - 1]!)) to--;
        if (to > from) {
          words = [...words, link, ...tokens.slice(from, to)];
          i = Math.max(i, to);
        }
      }
      // "types of tools" names tools: a vague head and its preposition go, as do determiners.
      while (words.length > 0 && (LEADING.has(words[0]!.text.toLowerCase()) || words[0]!.pos === 'ADP')) words = words.slice(1);
      if (words.length > 0 && isNominal(words.at(-1)!)) {
        const content = words.filter((t) => t.pos !== 'ADP' && t.pos !== 'DET' && t.pos !== 'PRON');
        phrases.push({ words: words.map((t) => t.text), lemmas: content.map((t) => t.lemma.toLowerCase()) });
      }
      i = Math.max(i, end);
    }
  }
  return phrases;
}

/** Pronouns that make a full subject on their own ("Nothing can replace humans"). */
const INDEFINITE = new Set(['nothing', 'everything', 'everyone', 'everybody', 'nobody', 'no one', 'anyone', 'anybody', 'someone']);

/** True when the text is one clause with a finite verb and a subject that is not a bare pronoun. */
export function isPlainClaim(text: string): boolean {
  const sentences = tagSentences(text);
  if (sentences.length !== 1) return false;
  const tokens = sentences[0]!.filter((t) => t.pos !== 'PUNCT');
  const verbAt = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (verbAt <= 0) return false;
  const subject = tokens.slice(0, verbAt);
  return subject.some((t) => isNominal(t) || INDEFINITE.has(t.text.toLowerCase()));
}
