/**
 * WebVTT captions: `<v Speaker>` voice tags (or `Speaker:` prefixes) name who speaks, cue timings date
 * the words, NOTE / STYLE / REGION blocks are skipped and empty cues tolerated. A cue whose timing line
 * is missing or malformed stops loading with its file and line. Cue markup and character references
 * are not part of the words: the stored text is the file without them (vtt-markup.ts).
 */
import { CorpusError } from '../../errors.ts';
import { splitLines, type SourceLine } from '../lines.ts';
import { blocksOf, cueSpans, cuesToPassages, prefixLabels, type Cue } from './cues.ts';
import type { ParseContext, ParsedPassage, ParsedTranscript, TranscriptParser } from './types.ts';
import { cleanVttText } from './vtt-markup.ts';

const VTT_TIME = String.raw`(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})`;
const TIMING = new RegExp(`^${VTT_TIME}[ \\t]+-->[ \\t]+${VTT_TIME}(?:[ \\t].*)?$`);

function seconds(h: string | undefined, m: string, s: string, ms: string): number {
  return (h === undefined ? 0 : Number(h)) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;
}

/** Start and end of a timing line in seconds, or an error naming the line. */
export function readVttTiming(line: SourceLine, file: string): { start: number; end: number } {
  const m = TIMING.exec(line.text.trim());
  if (!m) throw new CorpusError(file, line.number, `malformed cue timing "${line.text.trim()}" (expected 00:00:01.000 --> 00:00:04.000)`);
  const start = seconds(m[1], m[2]!, m[3]!, m[4]!);
  const end = seconds(m[5], m[6]!, m[7]!, m[8]!);
  if ([m[2], m[3], m[6], m[7]].some((part) => Number(part) >= 60)) {
    throw new CorpusError(file, line.number, `malformed cue timing "${line.text.trim()}" (seconds or minutes out of range)`);
  }
  if (end < start) throw new CorpusError(file, line.number, 'the cue ends before it starts');
  return { start, end };
}

export const parseWebVtt: TranscriptParser = (text: string, ctx: ParseContext): ParsedPassage[] | ParsedTranscript => {
  const lines = splitLines(text);
  const first = lines[0]!;
  if (first.text.startsWith('\uFEFF')) {
    first.start += 1;
    first.text = first.text.slice(1);
  }
  if (!/^WEBVTT(?:[ \t].*)?$/.test(first.text)) {
    throw new CorpusError(ctx.file, first.number, 'a WebVTT file must start with "WEBVTT"');
  }
  // The first block is the header ("WEBVTT" and optional header lines).
  const blocks = blocksOf(lines).slice(1);
  const known = prefixLabels(
    lines.map((l) => l.text),
    ctx,
  );

  const cues: Cue[] = [];
  for (const block of blocks) {
    const head = block[0]!;
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(head.text)) continue;
    const timingIndex = head.text.includes('-->') ? 0 : block[1]?.text.includes('-->') ? 1 : -1;
    if (timingIndex < 0) {
      throw new CorpusError(ctx.file, head.number, `a cue without a timing line ("${head.text.trim().slice(0, 60)}")`);
    }
    const timing = readVttTiming(block[timingIndex]!, ctx.file);
    cues.push({ seconds: timing.start, spans: cueSpans(block.slice(timingIndex + 1), known) });
  }
  // Cues were read from the file; their passages are cut from the cleaned text, at the mapped offsets.
  const clean = cleanVttText(text);
  if (clean.text === text) return cuesToPassages(text, cues, ctx);
  const mapped = cues.map((cue) => ({
    ...cue,
    spans: cue.spans.map((span) => ({ ...span, start: clean.toClean(span.start), end: clean.toClean(span.end) })),
  }));
  return { text: clean.text, passages: cuesToPassages(clean.text, mapped, ctx) };
};
