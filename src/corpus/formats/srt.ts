/**
 * SubRip (.srt) subtitles: numbered cues with `00:00:01,000 --> 00:00:04,000` timings; `Speaker:`
 * prefixes (or `<v Speaker>` tags left by converters) name who speaks. Empty cues are tolerated; a cue
 * with a bad number or timing stops loading with its file and line.
 */
import { CorpusError } from '../../errors.ts';
import { splitLines, type SourceLine } from '../lines.ts';
import { blocksOf, cueSpans, cuesToPassages, prefixLabels, type Cue } from './cues.ts';
import type { ParseContext, ParsedPassage, TranscriptParser } from './types.ts';

const SRT_TIME = String.raw`(\d{1,3}):(\d{2}):(\d{2})[,.](\d{1,3})`;
const TIMING = new RegExp(`^${SRT_TIME}[ \\t]*-->[ \\t]*${SRT_TIME}(?:[ \\t].*)?$`);

function seconds(h: string, m: string, s: string, ms: string): number {
  return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms.padEnd(3, '0')) / 1000;
}

function readTiming(line: SourceLine, file: string): number {
  const m = TIMING.exec(line.text.trim());
  if (!m || [m[2], m[3], m[6], m[7]].some((part) => Number(part) >= 60)) {
    throw new CorpusError(file, line.number, `malformed cue timing "${line.text.trim()}" (expected 00:00:01,000 --> 00:00:04,000)`);
  }
  const start = seconds(m[1]!, m[2]!, m[3]!, m[4]!);
  if (seconds(m[5]!, m[6]!, m[7]!, m[8]!) < start) throw new CorpusError(file, line.number, 'the cue ends before it starts');
  return start;
}

export const parseSrt: TranscriptParser = (text: string, ctx: ParseContext): ParsedPassage[] => {
  const lines = splitLines(text);
  const first = lines[0]!;
  if (first.text.startsWith('\uFEFF')) {
    first.start += 1;
    first.text = first.text.slice(1);
  }
  const known = prefixLabels(
    lines.map((l) => l.text),
    ctx,
  );
  const cues: Cue[] = [];
  for (const block of blocksOf(lines)) {
    const [head, timing, ...textLines] = block;
    if (!/^\d+$/.test(head!.text.trim())) {
      throw new CorpusError(ctx.file, head!.number, `expected a cue number, found "${head!.text.trim().slice(0, 60)}"`);
    }
    if (!timing) throw new CorpusError(ctx.file, head!.number, 'a cue number without a timing line');
    cues.push({ seconds: readTiming(timing, ctx.file), spans: cueSpans(textLines, known) });
  }
  if (cues.length === 0) throw new CorpusError(ctx.file, null, 'the file has no cues');
  return cuesToPassages(text, cues, ctx);
};
