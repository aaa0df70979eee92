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


/** A person a question names, or the default person when it names none. */
export interface PersonMatch {
  person: Person;
  /** Whether the text itself names the person (full name, surname, first name or an alias). */
  named: boolean;
}

/**
 * Works out who a question is about, from the speakers of a corpus and the aliases in its metadata.
 * Names are looked up by the question's word sequences (full names, surnames, first names, Latin
 * aliases), so the cost does not grow with the number of speakers: a large corpus has thousands.
 */
export class PersonResolver {
  private readonly speakers: string[];
  /** Word sequences ("aidan gomez", "gomez", "aidan") -> display name; the first writer of a form wins. */
  private readonly forms = new Map<string, string>();
  /** Names written in Chinese characters have no word boundaries: matched as substrings. */
  private readonly hanNames: Array<[string, string]> = [];
  private longest = 1;

  constructor(
    corpus: Corpus,
    readonly defaultPerson: Person,
  ) {
    const names = new Set<string>();
    for (const p of corpus.passages) if (p.speaker) names.add(p.speaker);
    this.speakers = [...names];
    const aliases = new Map<string, string[]>();
    for (const s of corpus.sources) for (const [name, list] of Object.entries(s.meta.aliases ?? {})) aliases.set(name, [...(aliases.get(name) ?? []), ...list]);
    // The default person first, so "Gomez" keeps meaning the guest even if another speaker shares it.
    const ordered = [defaultPerson.name, ...this.speakers.filter((n) => n !== defaultPerson.name)];
    for (const name of ordered) {
      this.addForm(name, name, true);
      for (const alias of aliases.get(name) ?? []) this.addForm(alias, name, false);
    }
    // First names last: a first name is the weakest evidence and never overrides a surname.
    for (const name of ordered) {
      const w = words(name);
      if (w.length > 1 && w[0]!.length >= 3 && !this.forms.has(w[0]!)) this.forms.set(w[0]!, name);
    }
  }

  private addForm(form: string, name: string, withSurname: boolean): void {
    if (hasChinese(form)) {
      this.hanNames.push([form, name]);
      return;
    }
    const w = words(form);
    if (w.length === 0) return;
    this.longest = Math.max(this.longest, w.length);
    if (!this.forms.has(w.join(' '))) this.forms.set(w.join(' '), name);
    const surname = w[w.length - 1]!;
    if (withSurname && w.length > 1 && surname.length >= 2 && !this.forms.has(surname)) this.forms.set(surname, name);
  }

  /** Every speaker name and alias, for telling names apart from topic words. */
  names(): string[] {
    return [this.defaultPerson.name, ...this.speakers, ...this.hanNames.map(([form]) => form), ...this.forms.keys()];
  }

  /** Whether a lower-cased word is a name form (surname, first name, one-word alias). */
  isName(word: string): boolean {
    return this.forms.has(word);
  }

  /** The person of `resolve`, for callers that do not need to know whether they were named. */
  resolve(question: string): Person {
    return this.match(question).person;
  }

  /**
   * A corpus speaker named in the question (the earliest if several), else the default person (the
   * configured GUEST, or each source's guest).
   */
  match(question: string): PersonMatch {
    const w = words(question);
    let found: { at: number; name: string } | null = null;
    for (let i = 0; i < w.length && !found; i++) {
      for (let n = Math.min(this.longest, w.length - i); n >= 1; n--) {
        const name = this.forms.get(w.slice(i, i + n).join(' '));
        if (name) {
          found = { at: i, name };
          break;
        }
      }
    }
    const han = this.hanNames.find(([form]) => question.includes(form));
    const name = found?.name ?? han?.[1];
    if (!name) return { person: this.defaultPerson, named: false };
    // The default person keeps the default (per-source guest) filter.
    if (name === this.defaultPerson.name) return { person: this.defaultPerson, named: true };
    return { person: { name, speaker: name }, named: true };
  }
}
