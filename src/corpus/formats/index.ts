import { parseQaArticle } from './qa-article.ts';
import type { TranscriptParser } from './types.ts';

/** Transcript formats by name (the `format` field of a source's metadata). */
export const FORMATS: Record<string, TranscriptParser> = {
  'qa-article': parseQaArticle,
};

/** Format used for a transcript file that names none, by file extension. */
export const FORMAT_BY_EXTENSION: Record<string, string> = {
  '.txt': 'qa-article',
};
