import { parseMarkdownTranscript } from './markdown.ts';
import { parsePodcastJson } from './podcast-json.ts';
import { parseQaArticle } from './qa-article.ts';
import { parseSrt } from './srt.ts';
import { parseWebVtt } from './webvtt.ts';
import type { TranscriptParser } from './types.ts';

/** Transcript formats by name (the `format` field of a source's metadata). */
export const FORMATS: Record<string, TranscriptParser> = {
  'qa-article': parseQaArticle,
  markdown: parseMarkdownTranscript,
  webvtt: parseWebVtt,
  srt: parseSrt,
  'podcast-json': parsePodcastJson,
};

/** Format used for a transcript file that names none, by file extension. */
export const FORMAT_BY_EXTENSION: Record<string, string> = {
  '.txt': 'qa-article',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.vtt': 'webvtt',
  '.srt': 'srt',
  '.json': 'podcast-json',
};
