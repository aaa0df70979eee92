/**
 * Addresses inside the transcript viewer. Anchors are built from UTF-16 offsets into the transcript
 * text, which is kept byte for byte, so a link stays valid as long as the corpus file does.
 */

/** Where the viewer serves one source's page. */
export const VIEWER_ROOT = '/transcripts/';

export function viewerPath(sourceId: string): string {
  return `${VIEWER_ROOT}${encodeURIComponent(sourceId)}`;
}

/** The stable anchor of the sentence that starts at `start`. */
export function sentenceAnchor(start: number): string {
  return `s${start}`;
}

/** The anchor of a highlighted quote spanning [start, end). */
export function quoteAnchor(start: number, end: number): string {
  return `q${start}-${end}`;
}

/** The viewer opened at a quote: the page highlights [start, end) and the fragment scrolls to it. */
export function quoteLink(publicUrl: string, sourceId: string, start: number, end: number): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}${viewerPath(sourceId)}?q=${start}-${end}#${quoteAnchor(start, end)}`;
}

/** The `q` parameter read back: a span, or null when it is malformed. */
export function parseQuoteSpan(value: string | null): { start: number; end: number } | null {
  const m = value === null ? null : /^(\d{1,9})-(\d{1,9})$/.exec(value);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : null;
}
