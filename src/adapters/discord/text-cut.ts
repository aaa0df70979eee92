/**
 * Shortening text to fit Discord's limits without breaking it: whole sentences first, whole words as
 * a fallback, never mid-word. Quotes use the prefix variants, so what is shown stays an exact substring
 * of the source.
 */
const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

const ELLIPSIS = '…';

/** The longest prefix of `text` made of whole segments that fits in `max` characters (trailing space trimmed). */
function segmentPrefix(text: string, max: number, segmenter: Intl.Segmenter): string {
  let end = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    if (index > max) break;
    const next = index + segment.length;
    if (text.slice(0, next).trimEnd().length > max) break;
    end = next;
  }
  return text.slice(0, end).trimEnd();
}

/**
 * A verbatim prefix of `text` (no ellipsis) of at most `max` characters: whole sentences, or whole
 * words when not even the first sentence fits; '' when not even one word fits.
 */
export function verbatimPrefix(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  return segmentPrefix(text, max, sentences) || segmentPrefix(text, max, words);
}

/** `text` cut to at most `max` characters at a sentence (else word) boundary, marked with an ellipsis. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  if (room <= 0) return '';
  const prefix = segmentPrefix(text, room, sentences) || segmentPrefix(text, room, words);
  return prefix ? `${prefix}${ELLIPSIS}` : '';
}
