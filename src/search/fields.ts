import type { Passage, Sentence, Source } from '../corpus/types.ts';
import { TUNING } from '../tuning.ts';

/** How much of the turn before a passage is indexed with it (the question it answers). */
const CONTEXT_MAX_CHARS = TUNING.index.contextMaxChars;

/** The English rendering of a passage: its sentences' translations, or nothing for English sources. */
export function passageTranslation(passage: Passage): string {
  return passage.sentences
    .map((s) => s.translation)
    .filter((t): t is string => t !== undefined)
    .join(' ');
}

/** The team's search terms of one sentence, English and Chinese (never shown or quoted), or "". */
export function sentenceTerms(sentence: Sentence): string {
  if (sentence.terms === undefined) return sentence.termsZh ?? '';
  return sentence.termsZh === undefined ? sentence.terms : `${sentence.terms}\n${sentence.termsZh}`;
}

/** The team's search terms of a passage's sentences (never shown or quoted), or "". */
export function passageTerms(passage: Passage): string {
  return passage.sentences
    .map(sentenceTerms)
    .filter((t) => t !== '')
    .join(' ');
}

/** Original text and translation of a passage, as one searchable string. */
export function passageWords(passage: Passage): string {
  const en = passageTranslation(passage);
  return en ? `${passage.text}\n${en}` : passage.text;
}

/** For each passage of a source, the position of the editors' heading above it (-1 if none). */
const headingPositions = new WeakMap<Source, Int32Array>();

function headingAbove(source: Source, i: number): Passage | undefined {
  let positions = headingPositions.get(source);
  if (!positions) {
    positions = new Int32Array(source.passages.length);
    let last = -1;
    source.passages.forEach((p, j) => {
      if (p.role === 'heading') last = j;
      positions![j] = last;
    });
    headingPositions.set(source, positions);
  }
  const at = positions[i] ?? -1;
  return at >= 0 && at !== i ? source.passages[at] : undefined;
}

/** Whether a passage opens its speaker's turn (the start of an answer, in an interview). */
export function opensTurn(source: Source, i: number): boolean {
  const passage = source.passages[i];
  if (!passage || passage.turn === null) return false;
  return i === 0 || source.passages[i - 1]!.turn !== passage.turn;
}

/** Every passage of the turn passage i belongs to (just passage i outside turns). */
export function turnPassages(source: Source, i: number): Passage[] {
  const passage = source.passages[i];
  if (!passage) return [];
  if (passage.turn === null) return [passage];
  let a = i;
  while (a > 0 && source.passages[a - 1]!.turn === passage.turn) a--;
  let b = i;
  while (b + 1 < source.passages.length && source.passages[b + 1]!.turn === passage.turn) b++;
  return source.passages.slice(a, b + 1);
}

/** The passage opening the turn right after passage i's turn (the answer to a question), if any. */
export function nextTurnStart(source: Source, i: number): Passage | undefined {
  const passage = source.passages[i];
  if (!passage || passage.turn === null) return undefined;
  let j = i + 1;
  while (j < source.passages.length && source.passages[j]!.turn === passage.turn) j++;
  const next = source.passages[j];
  return next && next.turn !== null ? next : undefined;
}

/**
 * What a speaker says next after passage i, among the passages `accepts` takes: the next passage, or the
 * one after it (their next turn, after the other speaker's short reply: "Right, they do.").
 */
export function followingPassage(source: Source, i: number, accepts: (passage: Passage) => boolean): Passage | undefined {
  return [source.passages[i + 1], source.passages[i + 2]].find((p): p is Passage => p !== undefined && accepts(p));
}

/** The other speaker's turn just before a passage's turn (usually the question it answers), or "". */
export function previousTurnText(source: Source, i: number): string {
  const passage = source.passages[i];
  if (!passage || passage.turn === null || passage.role === 'narration' || passage.role === 'heading') return '';
  let j = i;
  while (j > 0 && source.passages[j - 1]!.turn === passage.turn) j--;
  const previous = j > 0 ? source.passages[j - 1] : undefined;
  if (!previous || previous.turn === null) return '';
  let asked = '';
  for (let k = j - 1; k >= 0 && asked.length < CONTEXT_MAX_CHARS; k--) {
    const p = source.passages[k]!;
    if (p.turn !== previous.turn) break;
    asked = `${passageWords(p)}\n${asked}`;
  }
  return asked.trim();
}

/**
 * The context of a passage: the other speaker's turn just before it (an answer is found by the words of
 * the question it answers: "How much have you raised?" -> "About $1 billion.") and the editors' heading
 * above it. Narration and headings get no context.
 */
export function passageContext(source: Source, i: number): string {
  const passage = source.passages[i];
  if (!passage || passage.turn === null || passage.role === 'narration' || passage.role === 'heading') return '';
  const heading = headingAbove(source, i);
  return `${previousTurnText(source, i)}\n${heading ? passageWords(heading) : ''}`.trim();
}
