import { ownEntry } from '../../own-entry.ts';

/**
 * WebVTT cue text carries markup (`<v Name>`, `<c.loud>`, `<b>`, `<i>`, `<u>`, `<ruby>`, `<lang en>`,
 * inline `<00:00:11.000>` timestamps) and character references (`&amp;`, `&lt;`, `&nbsp;`, `&#39;`).
 * Readers must see the words, so a WebVTT source's stored text is its file with the markup removed
 * and references decoded; `toClean` maps every offset of the file to the same place in that text, so
 * cues found in the file become passages of the cleaned text and every quote stays an exact substring
 * of what is stored.
 */

/** The tags WebVTT defines, and cue timestamps. Anything else in angle brackets is left as written. */
const MARKUP = /<\/?(?:v|c|b|i|u|ruby|rt|lang)(?:[.\s][^<>\n]*)?>|<(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}>|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;

/**
 * The named references WebVTT files use (the WebVTT spec names the first six). Direction marks decode
 * to nothing: invisible characters inside a quote only confuse the reader and search.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '', rlm: '', quot: '"', apos: "'",
};

function decodeReference(ref: string): string | null {
  const body = ref.slice(1, -1);
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : null;
  }
  return ownEntry(NAMED, body.toLowerCase()) ?? null;
}

export interface CleanText {
  text: string;
  /** Offset in `text` of the character at `rawOffset` of the file (rawOffset may equal its length). */
  toClean(rawOffset: number): number;
}

/** The file text with WebVTT markup stripped and character references decoded, with its offset map. */
export function cleanVttText(raw: string): CleanText {
  const parts: string[] = [];
  // map[i] = length of the cleaned text produced before raw offset i.
  const map = new Int32Array(raw.length + 1);
  let cleanLength = 0;
  let rawAt = 0;
  const copyUpTo = (end: number) => {
    for (let i = rawAt; i < end; i++) map[i] = cleanLength + (i - rawAt);
    parts.push(raw.slice(rawAt, end));
    cleanLength += end - rawAt;
    rawAt = end;
  };
  for (const match of raw.matchAll(MARKUP)) {
    const start = match.index;
    const token = match[0];
    const replacement = token.startsWith('&') ? decodeReference(token) : '';
    if (replacement === null) continue; // an unknown reference is text, kept as written
    copyUpTo(start);
    // Every offset inside the markup maps to where its replacement starts.
    for (let i = start; i < start + token.length; i++) map[i] = cleanLength;
    parts.push(replacement);
    cleanLength += replacement.length;
    rawAt = start + token.length;
  }
  copyUpTo(raw.length);
  map[raw.length] = cleanLength;
  return { text: parts.join(''), toClean: (rawOffset) => map[rawOffset]! };
}
