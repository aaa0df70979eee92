/**
 * Cutting text to Slack's limits without leaving half a sentence: the cut lands on the last sentence
 * end that fits, else on a word boundary, and is marked with an ellipsis.
 */

const ELLIPSIS = '…';
/** A sentence ends at . ! ? (before a space or the end) or at CJK end punctuation, closing quotes included. */
const SENTENCE_END = /(?:[.!?](?=["'”’)\]]*(?:\s|$))|[。！？；…])["'”’」』）)\]]*/g;

/** Returns `text` unchanged when it fits in `max` characters, else its longest sentence-bounded prefix + "…". */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const budget = Math.max(0, max - ELLIPSIS.length);
  const head = text.slice(0, budget);
  let cut = -1;
  for (const m of head.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end <= budget) cut = end;
  }
  // One very long sentence: losing most of it to reach a sentence end is worse than a word cut.
  if (cut < budget / 2) cut = Math.max(cut, lastWordBoundary(head));
  if (cut <= 0) cut = safeHardCut(text, budget);
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

function lastWordBoundary(head: string): number {
  const i = head.search(/\s\S*$/);
  return i > 0 ? i : -1;
}

/** A hard cut that splits neither a surrogate pair nor an HTML entity such as `&amp;`. */
function safeHardCut(text: string, at: number): number {
  let cut = at;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && cut - amp < 6 && !text.slice(amp, cut).includes(';')) cut = amp;
  return cut;
}
