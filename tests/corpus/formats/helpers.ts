import { expect } from 'vitest';
import type { Source } from '../../../src/corpus/types.ts';

/** A file as editors on Windows save it: byte-order mark and CRLF line ends. */
export function withBomAndCrlf(text: string): string {
  return '\uFEFF' + text.replace(/\r?\n/g, '\r\n');
}

/** Every passage and sentence must be an exact slice of its source text (quotes are verbatim). */
export function expectExactSlices(source: Source): void {
  for (const p of source.passages) {
    expect(source.text.slice(p.start, p.end)).toBe(p.text);
    for (const s of p.sentences) {
      expect(source.text.slice(s.start, s.end)).toBe(s.text);
      expect(s.start).toBeGreaterThanOrEqual(p.start);
      expect(s.end).toBeLessThanOrEqual(p.end);
    }
  }
}
