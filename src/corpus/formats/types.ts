import type { Passage, SourceMeta } from '../types.ts';

/** Metadata plus format-specific structure hints, as read from a `.meta.json` file. */
export interface ParseContext {
  /** Path of the transcript, relative to the corpus directory (for error messages). */
  file: string;
  meta: SourceMeta;
  /** Speaker labels as written in the file, mapped to a role (e.g. {"Q": "host", "Aidan Gomez": "guest"}). */
  speakers: Record<string, 'host' | 'guest' | 'other'>;
  /** Display names for labels that are not names (e.g. {"Q": "Harry Stebbings"}). */
  speakerNames: Record<string, string>;
  /** 1-based line ranges that are the document's own narration (intro, credits). */
  narrationLines: Array<[number, number]>;
}

/** A passage before the loader gives it its id and source. */
export type ParsedPassage = Omit<Passage, 'id' | 'sourceId' | 'index'>;

/**
 * What a container format (e.g. JSON) yields: the transcript text its passages index (the rendering of
 * the file's speech, each utterance verbatim) beside the passages.
 */
export interface ParsedTranscript {
  text: string;
  passages: ParsedPassage[];
}

/**
 * Turns a transcript's full text into passages; throws CorpusError naming file and line on bad input.
 * Text formats return passages indexing the file's own text; container formats a ParsedTranscript.
 */
export type TranscriptParser = (text: string, ctx: ParseContext) => ParsedPassage[] | ParsedTranscript;
