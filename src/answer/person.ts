import type { Corpus } from '../corpus/types.ts';
import type { PassageFilter } from '../search/passage-index.ts';
import { hasChinese } from '../text/language.ts';

/** The person a question asks about, and which passages are theirs. */
export interface Person {
  /** Display name, e.g. "Aidan Gomez". */
  name: string;
  /**
   * The speaker whose passages count, or null for "each source's guest" (the default person: the bot is
   * about the guest of every interview, whatever the file calls them).
   */
  speaker: string | null;
}

export function personFilter(person: Person): PassageFilter {
  return person.speaker === null ? { roles: ['guest'] } : { speaker: person.speaker, roles: ['guest', 'host', 'other'] };
}

/** Lower-cased letter/digit runs: "Gomez's" -> ["gomez", "s"], "Jean-Luc" -> ["jean", "luc"]. */
function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}


/**
 * Works out who a question is about, from the speakers of a corpus. Names are looked up by the
 * question's word sequences (full names, then surnames), so the cost does not grow with the number of
 * speakers: a large corpus has thousands.
 */
export class PersonResolver {
  private readonly speakers: string[];
  private readonly fullNames = new Map<string, string>();
  private readonly surnames = new Map<string, string>();
  /** Names written in Chinese characters have no word boundaries: matched as substrings. */
  private readonly hanNames: string[] = [];
  private longest = 1;

  constructor(
    corpus: Corpus,
    readonly defaultPerson: Person,
  ) {
    const names = new Set<string>();
    for (const p of corpus.passages) if (p.speaker) names.add(p.speaker);
    this.speakers = [...names];
    for (const name of this.speakers) {
      if (hasChinese(name)) {
        this.hanNames.push(name);
        continue;
      }
      const w = words(name);
      if (w.length === 0) continue;
      this.longest = Math.max(this.longest, w.length);
      if (!this.fullNames.has(w.join(' '))) this.fullNames.set(w.join(' '), name);
      const surname = w[w.length - 1]!;
      if (w.length > 1 && surname.length >= 2 && !this.surnames.has(surname)) this.surnames.set(surname, name);
    }
  }

  /** Every speaker name, for telling names apart from topic words. */
  names(): string[] {
    return [this.defaultPerson.name, ...this.speakers];
  }

  /**
   * A corpus speaker named in the question (full name or surname, the earliest if several), else the
   * default person (the configured GUEST, or each source's guest).
   */
  resolve(question: string): Person {
    // The default person first, so "Gomez" in a question about Gomez keeps the default (per-source) filter.
    if (mentions(question, this.defaultPerson.name)) return this.defaultPerson;
    const w = words(question);
    for (let i = 0; i < w.length; i++) {
      for (let n = Math.min(this.longest, w.length - i); n >= 1; n--) {
        const name = this.fullNames.get(w.slice(i, i + n).join(' '));
        if (name) return { name, speaker: name };
      }
      const bySurname = this.surnames.get(w[i]!);
      if (bySurname) return { name: bySurname, speaker: bySurname };
    }
    const han = this.hanNames.find((name) => question.includes(name));
    return han ? { name: han, speaker: han } : this.defaultPerson;
  }
}

/** Whether a question names a person (full name or surname, as whole words). */
function mentions(question: string, name: string): boolean {
  if (hasChinese(name)) return question.includes(name);
  const q = ` ${words(question).join(' ')} `;
  const w = words(name);
  if (w.length === 0) return false;
  if (q.includes(` ${w.join(' ')} `)) return true;
  const surname = w[w.length - 1]!;
  return w.length > 1 && surname.length >= 2 && q.includes(` ${surname} `);
}
