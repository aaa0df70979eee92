import { takeawayFrom } from '../answer/retell.ts';

/**
 * Takeaways that stand alone: a complete statement of the guest's point in the bot's voice. A sentence
 * that ends mid-thought ("…, but if you applied a 5% productivity gain to the NHS.") is merged with its
 * continuation; talk filler and hedges are dropped so the line states the point rather than copying
 * the quote; and a line that still needs its neighbours to make sense is recognised as a fragment.
 */

const MAX_LENGTH = 220;

/** A clause that cannot end a statement: a condition, reason or contrast whose main clause is missing. */
const DANGLING_TAIL = /(?:^|[,;:—–-]\s*|\b(?:but|and|or)\s+)(?:if|when|whenever|unless|because|although|though|while|whereas|once|so that|in order to)\b[^,;:]*[.!]?$/i;
const TRAILING_LINK = /\b(?:and|or|but|so|because|if|the|a|an|of|to|with|for|like|that|which|is|are)\s*[.,;:!]*$/i;
const CUT_OFF = /(?:\.\.\.|…|--|—|–|[,:;])\s*$/;

/** True when an English sentence stops before its thought is complete. */
export function endsMidThought(sentence: string): boolean {
  const s = sentence.trim();
  if (CUT_OFF.test(s) || TRAILING_LINK.test(s)) return true;
  const lastClause = s.split(/(?<=[,;:])\s+/).at(-1) ?? s;
  // "If X, then Y." is complete; only a final clause that opens with the condition and stops there dangles.
  return DANGLING_TAIL.test(lastClause) && !/^(?:if|when|unless|because|although|though|while|once)\b[^,]*,/i.test(s.replace(/^(?:so|and|but)\s+/i, '')) || DANGLING_TAIL.test(s) && !s.includes(',');
}

/** Joins a sentence with its continuation: "…to the NHS." + "It would have…" → "…to the NHS, it would have…". */
export function mergeContinuation(sentence: string, next: string): string {
  const head = sentence.trim().replace(/(?:\.\.\.|…|[.,;:!])+$/, '');
  const tail = next.trim();
  const lowered = /^(?:I|I'm|I've|I'd|OK)\b/.test(tail) || /^[A-Z][a-z]*[A-Z]/.test(tail) ? tail : tail.charAt(0).toLowerCase() + tail.slice(1);
  return `${head}, ${lowered}`;
}

/** Spoken openers that tie a sentence to the one before ("And so", "Again,", "To some degree,"). */
const LEADING_FILLER = /^(?:(?:and|so|but|or|because|well|yeah|yes|now|again|also|plus|i mean|you know|to some degree|to some extent|in a sense|basically|honestly|look|okay|ok|right|like)\b[,]?\s+)+/i;
/** Filler and hedges inside a sentence: they soften the point without adding to it. */
const INNER_FILLER = /,?\s+(?:kind of|sort of|you know|i mean|pretty much|more or less)\b,?(?=\s)|\s+(?:really|actually|basically|literally|just|certainly|definitely|totally)\b(?=\s)/gi;
/** An aside between dashes: " -- like with minimal resources, and -- ". */
const ASIDE = /\s+(?:--|—|–)\s+[^—–]*?(?:--|—|–)\s+/g;

/** The sentence with its filler, hedges and asides dropped, so the point reads plainly. */
export function plainStatement(sentence: string): string {
  let s = sentence.trim().replace(LEADING_FILLER, '');
  s = s.replace(ASIDE, ' ').replace(/\s+(?:--|—|–)\s+like\s+/gi, ' ').replace(INNER_FILLER, '').replace(/\s+(?:--|—|–)\s*$/, '').replace(/(?:\.\.\.|…)$/, '.');
  s = s.replace(/\s{2,}/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Words that make a statement lean on what came before it when they open it. */
const NEEDS_CONTEXT = /^(?:then|and then|so then|that's why|which|also|too|as well|otherwise|instead|in that case|at that point|after that|similarly|likewise|same here|that|this|these|those|it)\b(?!['’]s\s+(?:hard|easy|important|clear|true|possible|impossible|likely|worth|not))/i;

/**
 * True when a takeaway cannot stand alone: it stops mid-thought, was cut off, is too short to say
 * anything, or opens on a word that points back at an earlier sentence ("then", "that becomes…").
 */
export function isFragment(takeaway: string, guestShortName?: string): boolean {
  let body = takeaway.trim();
  const said = guestShortName ? new RegExp(`^${guestShortName}\\s+(?:says|argues|thinks|asks|warns|expects|believes)\\s+(?:that\\s+)?`, 'i') : /^\S+\s+(?:says|argues|thinks|asks|warns|expects|believes)\s+(?:that\s+)?/i;
  body = body.replace(said, '');
  if (/…$|\.\.\.$/.test(body)) return true;
  if (body.split(/\s+/).length < 4) return true;
  if (NEEDS_CONTEXT.test(body)) return true;
  // "At the whole graph level, that becomes…": the subject after a leading phrase points back too.
  const afterPhrase = /^(?:at|in|on|for|with|from|by|after|before|within|under)\b[^,]{0,60},\s*(.*)$/i.exec(body)?.[1];
  if (afterPhrase && NEEDS_CONTEXT.test(afterPhrase)) return true;
  return endsMidThought(body);
}

/** Candidate sentences for a takeaway, in order of preference: each with the sentence after it. */
export interface TakeawaySource {
  english: string;
  next?: string | undefined;
}

/**
 * The takeaway from the first candidate that makes a standalone statement: merged with its
 * continuation when it ends mid-thought, filler dropped, retold in the third person, never cut
 * mid-clause. Null when none does.
 */
export function shapeTakeaway(candidates: TakeawaySource[], guestShortName: string, ordinaryWords: Set<string>): string | null {
  for (const candidate of candidates) {
    let english = candidate.english.replace(/^[A-Z][a-z]+ly,\s+/, '');
    if (endsMidThought(english) && candidate.next) english = mergeContinuation(english, candidate.next);
    // A bare point ("Of course, nothing can replace humans.") reads better with the sentence that argues it.
    else if (plainStatement(english).split(/\s+/).length < 7 && candidate.next && !endsMidThought(candidate.next)) {
      const joint = candidate.next.includes(':') ? '; ' : ': ';
      english = `${english.trim().replace(/[.!]+$/, '')}${joint}${candidate.next.trim().charAt(0).toLowerCase()}${candidate.next.trim().slice(1)}`;
    }
    // "I think …" opens the sentence, so it comes back as "He thinks"; after "Gomez says" it is "he".
    const line = takeawayFrom(plainStatement(english), guestShortName, ordinaryWords)?.replace(/^(\S+ says) He\b/, '$1 he') ?? null;
    if (line && line.length <= MAX_LENGTH && !isFragment(line, guestShortName)) return line;
    // Too long: the first clause alone, when it is a statement on its own.
    const first = plainStatement(english).split(/(?<=[;:])\s+/)[0];
    if (first && first !== english) {
      const short = takeawayFrom(first, guestShortName, ordinaryWords);
      if (short && short.length <= MAX_LENGTH && !isFragment(short, guestShortName)) return short;
    }
  }
  return null;
}
