/**
 * Inline timestamps in text transcripts: bare ones like `\[12:34\]` or `[01:02:03.45]`, and times inside
 * editors' markers like `\[unintelligible 00:04:52.13\]`. Offsets index the source text, so every
 * passage and sentence can take the time of the last timestamp before it.
 */
import { parseTimecode } from '../timecode.ts';

/** A bracketed token, Markdown-escaped (`\[ … \]`) or not (`[ … ]`). */
const BRACKET = /\\?\[([^[\]\n]{1,80}?)\\?\]/g;
const TIME_INSIDE = /(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?/g;

export interface TimeMark {
  /** Offset of the token in the source text. */
  start: number;
  end: number;
  seconds: number;
  /** True for a token that is nothing but a timestamp (not anyone's words, trimmed from quotes). */
  bare: boolean;
}

function innerText(raw: string): string {
  return raw.replace(/\\/g, '').trim();
}

/** A bracketed token made only of digits, colons and dots: meant as a timestamp, whether valid or not. */
const TIMESTAMP_LIKE = /^\d[\d.,]*:[\d:.,]*\d$/;

/**
 * Every timestamp in the text, in document order. A token written as a timestamp that is not a valid one
 * (`\[12:75\]`) is reported to `onInvalid` rather than silently ignored.
 */
export function findTimeMarks(text: string, onInvalid?: (offset: number, token: string) => void): TimeMark[] {
  const marks: TimeMark[] = [];
  for (const m of text.matchAll(BRACKET)) {
    const inner = innerText(m[1]!);
    const start = m.index;
    const end = start + m[0].length;
    const bareSeconds = parseTimecode(inner);
    if (bareSeconds !== null) {
      marks.push({ start, end, seconds: bareSeconds, bare: true });
      continue;
    }
    if (TIMESTAMP_LIKE.test(inner)) {
      onInvalid?.(start, m[0]);
      continue;
    }
    // A marker such as "unintelligible 00:04:52.13" still dates the words around it.
    const times = [...inner.matchAll(TIME_INSIDE)];
    const last = times.at(-1);
    const seconds = last ? parseTimecode(last[0]) : null;
    if (seconds !== null) marks.push({ start, end, seconds, bare: false });
  }
  return marks;
}

/** Looks up the time in force at an offset: the last timestamp that starts at or before it. */
export class Timeline {
  private readonly byStart = new Map<number, TimeMark>();
  private readonly byEnd = new Map<number, TimeMark>();

  constructor(private readonly marks: TimeMark[]) {
    for (const mark of marks) {
      if (!mark.bare) continue;
      this.byStart.set(mark.start, mark);
      this.byEnd.set(mark.end, mark);
    }
  }

  at(offset: number): number | undefined {
    let lo = 0;
    let hi = this.marks.length - 1;
    let found: TimeMark | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const mark = this.marks[mid]!;
      if (mark.start <= offset) {
        found = mark;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found?.seconds;
  }

  /** The bare timestamp starting exactly at `offset`, if any. */
  bareAt(offset: number): TimeMark | undefined {
    return this.byStart.get(offset);
  }

  /** The bare timestamp ending exactly at `offset`, if any. */
  bareEndingAt(offset: number): TimeMark | undefined {
    return this.byEnd.get(offset);
  }
}

/** True when a span has words outside bracketed markers (so "\[laughter\]" alone is not speech). */
export function hasWords(text: string): boolean {
  if (!text.includes('[')) return /[\p{L}\p{N}]/u.test(text);
  return /[\p{L}\p{N}]/u.test(text.replace(BRACKET, ''));
}
