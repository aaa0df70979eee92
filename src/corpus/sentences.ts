/**
 * Sentence boundaries inside a span of source text: a sentence ends at 。!?!?… or at "." followed by
 * white space (so "1.7万亿" stays whole). Closing quotes and brackets stay with the sentence they close.
 * Offsets are returned, never edited text, so every sentence is an exact slice of its source.
 */
const CLOSERS = new Set(['”', '’', '」', '』', ')', ')', '"', "'", '》']);
const CJK_END = new Set(['。', '!', '?', '…', '!', '?']);

export interface Span {
  start: number;
  end: number;
}

const SENTENCE_END_CANDIDATE = new RegExp(`[${[...CJK_END, '!', '?', '.'].map((c) => `\\${c}`).join('')}]`, 'g');

/** A "." ends a sentence when only closing marks stand between it and white space or the end. */
function endsAfterPeriod(text: string, from: number, end: number): boolean {
  let j = from;
  while (j < end && CLOSERS.has(text[j]!)) j++;
  return j >= end || /\s/.test(text[j]!);
}

export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = [];
  let s = start;
  let i = start;
  const push = (e: number) => {
    let a = s;
    let b = e;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) spans.push({ start: a, end: b });
    s = e;
  };
  // The search for end marks stops at `end` (a slice shares the text's memory, offsets are unchanged).
  const bounded = end === text.length ? text : text.slice(0, end);
  while (i < end) {
    // Jump to the next character that could end a sentence: most characters cannot (large corpora).
    SENTENCE_END_CANDIDATE.lastIndex = i;
    const next = SENTENCE_END_CANDIDATE.exec(bounded);
    if (next === null || next.index >= end) break;
    i = next.index;
    const ch = text[i]!;
    const isEnd =
      CJK_END.has(ch) || ch === '!' || ch === '?' || (ch === '.' && endsAfterPeriod(text, i + 1, end));
    if (isEnd) {
      let j = i + 1;
      while (j < end && (CJK_END.has(text[j]!) || text[j] === '!' || text[j] === '?' || CLOSERS.has(text[j]!))) j++;
      push(j);
      i = j;
      continue;
    }
    i++;
  }
  push(end);
  return spans;
}
