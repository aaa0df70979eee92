import type { Corpus } from '../corpus/types.ts';
import type { PassageFilter } from '../search/passage-index.ts';

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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiled once per name form: every question is checked against every speaker of the corpus. */
const MENTION_PATTERNS = new Map<string, RegExp>();

function mentionPattern(form: string): RegExp {
  let pattern = MENTION_PATTERNS.get(form);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, 'iu');
    MENTION_PATTERNS.set(form, pattern);
  }
  return pattern;
}

/** Where a name (or its last word, the surname) is written as a word in the question; -1 if nowhere. */
function mentionAt(question: string, name: string): number {
  const words = name.trim().split(/\s+/);
  const forms = [name, ...(words.length > 1 ? [words[words.length - 1]!] : [])].filter((f) => f.length >= 2);
  let best = -1;
  for (const form of forms) {
    const m = mentionPattern(form).exec(question);
    if (m && (best === -1 || m.index < best)) best = m.index;
  }
  return best;
}

/** Works out who a question is about, from the speakers of a corpus. */
export class PersonResolver {
  private readonly speakers: string[];

  constructor(
    corpus: Corpus,
    readonly defaultPerson: Person,
  ) {
    const names = new Set<string>();
    for (const p of corpus.passages) if (p.speaker) names.add(p.speaker);
    this.speakers = [...names];
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
    if (mentionAt(question, this.defaultPerson.name) >= 0) return this.defaultPerson;
    let best: { name: string; at: number } | null = null;
    for (const name of this.speakers) {
      const at = mentionAt(question, name);
      if (at >= 0 && (best === null || at < best.at)) best = { name, at };
    }
    return best ? { name: best.name, speaker: best.name } : this.defaultPerson;
  }
}
