import { eng } from 'stopword';
import { ownEntry } from '../own-entry.ts';

/**
 * One-line takeaways in the bot's voice: the English rendering of a key guest sentence retold in the
 * third person ("Gomez says he underestimated data"). Only pronouns and verb agreement change; the
 * claim itself stays the guest's, so the quote under it backs it word for word.
 */

const MAX_LENGTH = 220;

/** Words that open a spoken answer but carry nothing ("Yes,", "Right,", "So"). */
const OPENERS = /^(?:(?:yes|yeah|yep|no|right|sure|well|exactly|definitely|indeed|absolutely|okay|ok|so|and|but|because|of course|i mean|you know)\b[,.!;:]?\s*)+/i;

const SUBJECT_FORMS: Record<string, string> = {
  "i'm": "he's",
  "i've": "he's",
  "i'd": "he'd",
  "i'll": "he'll",
  i: 'he',
};
const OBJECT_FORMS: Record<string, string> = { me: 'him', my: 'his', mine: 'his', myself: 'himself' };

/** After "he", these stay as they are (modals, past tenses, adverbs handled separately). */
const KEEP_AFTER_HE = new Set([
  'can', 'could', 'will', 'would', 'should', 'might', 'must', 'may', 'shall', 'was', 'did', 'had', 'thought',
  'said', 'saw', 'knew', 'felt', 'got', 'made', 'went', 'came', 'took', 'gave', 'found', 'told', 'became',
  'began', 'kept', 'left', 'meant', 'met', 'paid', 'ran', 'sat', 'spent', 'stood', 'understood', 'wrote',
  'heard', 'held', 'brought', 'bought', 'built', 'lost', 'led', 'used', 'cannot', "can't", "couldn't",
  "won't", "wouldn't", "shouldn't", "didn't", "wasn't",
]);
const ADVERBS = new Set([
  'also', 'really', 'just', 'still', 'never', 'always', 'actually', 'definitely', 'completely', 'totally',
  'strongly', 'personally', 'seriously', 'certainly', 'genuinely', 'truly', 'only', 'even', 'often',
  'honestly', 'simply', 'fully', 'absolutely', 'do',
]);
const IRREGULAR: Record<string, string> = { have: 'has', do: 'does', am: 'is', "don't": "doesn't", go: 'goes', "haven't": "hasn't", "aren't": "isn't" };

function thirdPersonVerb(verb: string): string {
  const lower = verb.toLowerCase();
  const irregular = ownEntry(IRREGULAR, lower);
  if (irregular) return irregular;
  if (KEEP_AFTER_HE.has(lower) || /ed$/.test(lower) || !/^[a-z]+$/.test(lower)) return verb;
  if (/(s|sh|ch|x|z|o)$/.test(lower)) return verb + 'es';
  if (/[^aeiou]y$/.test(lower)) return verb.slice(0, -1) + 'ies';
  return verb + 's';
}

/** Rewrites first-person singular pronouns (and the verb after "I") into the third person. */
export function toThirdPerson(sentence: string): string {
  const tokens = sentence.split(/(\s+)/);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const match = /^([("“]*)([A-Za-z'’]+)([^A-Za-z'’]*)$/.exec(token);
    if (!match) continue;
    const [, pre, word, post] = match as unknown as [string, string, string, string];
    const norm = word.replace(/’/g, "'");
    const lower = norm.toLowerCase();
    const isI = lower === 'i' ? word === 'I' : lower.startsWith("i'") && (word[0] === 'I');
    const form = isI ? ownEntry(SUBJECT_FORMS, lower) : undefined;
    if (form) {
      const startsSentence = i === 0 || /[.!?]["”)]*$/.test(tokens[i - 2] ?? '');
      tokens[i] = pre + (startsSentence ? form[0]!.toUpperCase() + form.slice(1) : form) + post;
      if (lower !== 'i' || post !== '') continue;
      // Agree the verb: "I think" → "he thinks", skipping adverbs ("I really think" → "he really thinks").
      for (let j = i + 2; j < tokens.length; j += 2) {
        const next = /^([A-Za-z'’]+)(.*)$/.exec(tokens[j]!);
        if (!next) break;
        const [, verb, rest] = next as unknown as [string, string, string];
        if (ADVERBS.has(verb.toLowerCase()) && verb.toLowerCase() !== 'do') continue;
        tokens[j] = thirdPersonVerb(verb) + rest;
        break;
      }
      continue;
    }
    const objectForm = ownEntry(OBJECT_FORMS, lower);
    if (objectForm) tokens[i] = pre + (word[0] === word[0]!.toUpperCase() ? objectForm[0]!.toUpperCase() + objectForm.slice(1) : objectForm) + post;
  }
  return tokens.join('');
}

/**
 * True when the first word may be lower-cased after "Gomez says": it is written in lower case somewhere
 * in the corpus, so it is an ordinary word and not a name ("Mike", "Cohere", "OpenAI").
 */
function lowerCaseable(word: string, ordinaryWords: Set<string>): boolean {
  const bare = word.replace(/[^A-Za-z'’]/g, '');
  if (/[A-Z]/.test(bare.slice(1))) return false;
  return ordinaryWords.has(bare.toLowerCase());
}

/**
 * Words that are not names: those the corpus writes in lower case, plus those it capitalises only at the
 * start of a sentence ("Although …"). A word capitalised mid-sentence ("… like Elon Musk") is a name.
 */
export function ordinaryWordsIn(texts: string[]): Set<string> {
  const words = new Set<string>(eng);
  const openers = new Set<string>();
  const names = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/(?<![A-Za-z'’])[A-Za-z][a-z'’]*/g)) {
      const word = m[0];
      if (word === word.toLowerCase()) {
        words.add(word);
        continue;
      }
      // The last non-blank character before the word (not a slice of everything before it: texts are long).
      let i = m.index - 1;
      while (i >= 0 && /\s/.test(text[i]!)) i--;
      const startsSentence = i < 0 || /[.!?:;"“]/.test(text[i]!);
      (startsSentence ? openers : names).add(word.toLowerCase());
    }
  }
  for (const word of openers) if (!names.has(word)) words.add(word);
  return words;
}

/** "I underestimated data." → "Gomez says he underestimated data." Null when nothing usable is left. */
export function takeawayFrom(sentence: string, guestShortName: string, ordinaryWords: Set<string> = new Set()): string | null {
  let body = sentence.trim().replace(OPENERS, '').trim();
  if (body.length < 12) return null;
  body = toThirdPerson(body);
  const first = body.split(/\s/)[0] ?? '';
  if (first !== 'he' && lowerCaseable(first, ordinaryWords)) body = body.charAt(0).toLowerCase() + body.slice(1);
  body = body.replace(/[.;:,!]+$/, '');
  const verb = body.endsWith('?') ? 'asks' : 'says';
  let line = `${guestShortName} ${verb} ${body}`;
  if (!/[.?!]$/.test(line)) line += '.';
  if (line.length > MAX_LENGTH) {
    // Cut at the last clause boundary that fits, never mid-word.
    const cut = line.slice(0, MAX_LENGTH - 1);
    const at = Math.max(cut.lastIndexOf('; '), cut.lastIndexOf(', '), cut.lastIndexOf(' — '));
    line = (at > 60 ? cut.slice(0, at) : cut.slice(0, cut.lastIndexOf(' '))) + '…';
  }
  return line;
}
