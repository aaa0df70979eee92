/**
 * Podcasting 2.0 JSON transcripts (`{ version, segments: [{ speaker, startTime, endTime, body }] }`).
 * Segments are often single words or phrases, so consecutive segments of one speaker are joined into
 * readable paragraphs. The file is a container, not a transcript: the source text quotes are taken
 * from is the rendering of its bodies ("Speaker: body body…" paragraphs), each body kept verbatim.
 */
import { z } from 'zod';
import { CorpusError } from '../../errors.ts';
import { splitSentences } from '../sentences.ts';
import { hasWords, Timeline, type TimeMark } from './inline-time.ts';
import { attribute, type Attribution } from './speakers.ts';
import type { ParseContext, ParsedPassage, ParsedTranscript } from './types.ts';

const Segment = z
  .object({
    speaker: z.string().trim().min(1).optional(),
    startTime: z.number().nonnegative(),
    endTime: z.number().nonnegative(),
    body: z.string(),
  })
  .refine((s) => s.endTime >= s.startTime, { message: 'endTime is before startTime', path: ['endTime'] });

const PodcastTranscript = z.object({
  version: z.string().min(1),
  segments: z.array(Segment),
});

type SegmentData = z.infer<typeof Segment>;

/** A paragraph of the rendering grows to about this many characters before breaking at a sentence end. */
const PARAGRAPH_CHARS = 600;

/** 1-based line numbers of each segment object in the raw JSON (for error messages and passage lines). */
function segmentLines(raw: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (ch === '{' && depth === 2) lines.push(line);
      depth++;
    } else if (ch === '}' || ch === ']') depth--;
  }
  return lines;
}

function lineAtPosition(raw: string, message: string): number | null {
  const m = /position (\d+)/.exec(message);
  return m ? raw.slice(0, Number(m[1])).split('\n').length : null;
}

function readTranscript(raw: string, file: string, lines: number[]): SegmentData[] {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    const message = (error as Error).message;
    throw new CorpusError(file, lineAtPosition(raw, message), `not valid JSON (${message})`);
  }
  const parsed = PodcastTranscript.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const index = issue.path[0] === 'segments' && typeof issue.path[1] === 'number' ? issue.path[1] : null;
    const line = index === null ? null : (lines[index] ?? null);
    throw new CorpusError(file, line, `${issue.path.join('.') || 'transcript'}: ${issue.message}`);
  }
  return parsed.data.segments;
}

export function parsePodcastJson(raw: string, ctx: ParseContext): ParsedTranscript {
  const source = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const lines = segmentLines(source);
  const segments = readTranscript(source, ctx.file, lines);

  let text = '';
  const marks: TimeMark[] = [];
  const paragraphs: Array<{ start: number; end: number; who: Attribution | null; turn: number | null; line: number }> = [];
  let current: Attribution | null = null;
  let turn = 0;

  segments.forEach((segment, index) => {
    if (segment.body.trim() === '') return; // an empty cue
    const who = segment.speaker === undefined ? current : attribute(segment.speaker, ctx);
    const open = paragraphs.at(-1);
    const sameSpeaker = open !== undefined && who?.speaker === open.who?.speaker && who?.role === open.who?.role;
    const longEnough = open !== undefined && open.end - open.start >= PARAGRAPH_CHARS && /[.!?。!?…]["')\]]*\s*$/.test(text);
    if (!open || !sameSpeaker || longEnough) {
      if (!sameSpeaker && who && who.role !== 'narration') turn++;
      if (text !== '') text += '\n\n';
      // The label is shown only where the speaker changes, as in a printed transcript.
      if (who?.speaker && !sameSpeaker) text += `${who.speaker}: `;
      paragraphs.push({ start: text.length, end: text.length, who, turn: who && who.role !== 'narration' ? turn : null, line: lines[index] ?? 1 });
    } else if (!/\s$/.test(text) && !/^[\s,.;:!?)\]}'’”…]/.test(segment.body)) {
      text += ' ';
    }
    marks.push({ start: text.length, end: text.length, seconds: segment.startTime, bare: false });
    text += segment.body;
    paragraphs.at(-1)!.end = text.length;
    current = who;
  });

  const timeline = new Timeline(marks);
  const passages: ParsedPassage[] = [];
  for (const p of paragraphs) {
    let a = p.start;
    let b = p.end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    const role = p.who?.role ?? 'other';
    const sentences = splitSentences(text, a, b)
      .map((s) => {
        const time = timeline.at(s.start);
        return { start: s.start, end: s.end, text: text.slice(s.start, s.end), ...(time !== undefined ? { time } : {}) };
      })
      .filter((s) => role === 'narration' || hasWords(s.text));
    if (b <= a || sentences.length === 0) continue;
    const time = timeline.at(a);
    passages.push({
      role,
      speaker: p.who?.speaker ?? null,
      turn: p.turn,
      line: p.line,
      start: a,
      end: b,
      text: text.slice(a, b),
      sentences,
      ...(time !== undefined ? { time } : {}),
    });
  }
  if (passages.length === 0 && segments.length > 0) throw new CorpusError(ctx.file, null, 'every segment is empty');
  return { text, passages };
}
