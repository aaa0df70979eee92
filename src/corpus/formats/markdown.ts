/**
 * Speaker-labelled Markdown or plain text, as podcast transcripts are published (e.g. The Changelog):
 * `**Name:**`, `**Name**:` or `Name:` starts a turn; a paragraph without a label continues the turn;
 * inline `\[12:34\]` / `\[01:02:03\]` timestamps date the words after them; `**Break:**`-style markers
 * and `# headings` are not anyone's words.
 */
import { CorpusError } from '../../errors.ts';
import { splitLines, type SourceLine } from '../lines.ts';
import { splitSentences } from '../sentences.ts';
import type { Role, Sentence } from '../types.ts';
import { findTimeMarks, hasWords, Timeline } from './inline-time.ts';
import { attribute, isDeclaredLabel, looksLikeName, type Attribution } from './speakers.ts';
import type { ParseContext, ParsedPassage, TranscriptParser } from './types.ts';

/** `**Name:**` (colon inside the bold). */
const BOLD_INSIDE = /^\*\*([^*\n]{1,60}?)\s*:\s*\*\*[ \t]*/;
/** `**Name**:` (colon after the bold). */
const BOLD_OUTSIDE = /^\*\*([^*\n]{1,60}?)\*\*[ \t]*:[ \t]*/;
/** `**Name: words…**` (the bold runs into the speech; seen in real transcripts). */
const BOLD_RUNNING = /^\*\*([^*:\n]{1,60}):[ \t]*/;
/** `**Name**` with no colon: only for names already seen as labels. */
const BOLD_BARE = /^\*\*([^*\n]{1,60}?)\*\*[ \t]+/;
/** `Name:` in plain text. */
const PLAIN = /^([^\s:*#>[\\|`-][^:\n*]{0,39}?):[ \t]+/;
const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;

interface Label {
  name: string;
  /** Length of the label and the spaces after it. */
  length: number;
}

/** A well-formed bold label (`**Name:**` or `**Name**:`). */
function boldLabel(text: string): Label | null {
  for (const pattern of [BOLD_INSIDE, BOLD_OUTSIDE]) {
    const m = pattern.exec(text);
    if (m) return { name: m[1]!.trim(), length: m[0].length };
  }
  return null;
}

/** Labels that are certainly speakers in this file: bold ones, declared ones, and names used twice or more. */
function knownLabels(lines: SourceLine[], ctx: ParseContext): Set<string> {
  const known = new Set<string>();
  const plainCounts = new Map<string, number>();
  for (const line of lines) {
    const bold = boldLabel(line.text);
    if (bold) {
      known.add(bold.name);
      continue;
    }
    const plain = PLAIN.exec(line.text);
    if (plain) {
      const name = plain[1]!.trim();
      plainCounts.set(name, (plainCounts.get(name) ?? 0) + 1);
    }
  }
  for (const [name, count] of plainCounts) {
    if (isDeclaredLabel(name, ctx) || (count >= 2 && looksLikeName(name))) known.add(name);
  }
  return known;
}

function readLabel(text: string, known: Set<string>, ctx: ParseContext): Label | null {
  const bold = boldLabel(text);
  if (bold) return bold;
  // "**Name: words…**" only for a name (or a known label), so "**Note: …**" stays text.
  const running = BOLD_RUNNING.exec(text);
  if (running) {
    const name = running[1]!.trim();
    if (known.has(name) || looksLikeName(name) || isDeclaredLabel(name, ctx)) return { name, length: running[0].length };
  }
  const bare = BOLD_BARE.exec(text);
  if (bare && known.has(bare[1]!.trim())) return { name: bare[1]!.trim(), length: bare[0].length };
  const plain = PLAIN.exec(text);
  if (plain) {
    const name = plain[1]!.trim();
    if (known.has(name) || isDeclaredLabel(name, ctx)) return { name, length: plain[0].length };
  }
  return null;
}

/** A run of lines forming one paragraph, with the label (if any) that opens it. */
interface Block {
  lines: SourceLine[];
  label: Label | null;
  heading: string | null;
}

function toBlocks(lines: SourceLine[], known: Set<string>, ctx: ParseContext): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  for (const line of lines) {
    if (line.text.trim() === '' || RULE.test(line.text)) {
      open = null;
      continue;
    }
    const heading = HEADING.exec(line.text);
    if (heading) {
      // "# **Break:** [25:59]" is a marker dressed as a heading.
      const inner = heading[2]!;
      const label = readLabel(inner, known, ctx);
      const offset = line.text.length - line.text.trimStart().length + heading[1]!.length;
      const shifted = label ? { name: label.name, length: line.text.indexOf(inner, offset) + label.length } : null;
      blocks.push({ lines: [line], label: shifted, heading: label ? null : inner });
      open = null;
      continue;
    }
    const label = readLabel(line.text, known, ctx);
    if (label || open === null) {
      open = { lines: [line], label, heading: null };
      blocks.push(open);
    } else {
      open.lines.push(line);
    }
  }
  return blocks;
}

/**
 * Sentences of [a, b): bare timestamps at a sentence's edges are trimmed off (they are not words), each
 * sentence takes the time in force where it starts, and speech drops "sentences" with no words
 * (a lone "\[laughter\]").
 */
function timedSentences(text: string, a: number, b: number, timeline: Timeline, speech: boolean): Sentence[] {
  const out: Sentence[] = [];
  for (const span of splitSentences(text, a, b)) {
    let { start, end } = span;
    for (let mark = timeline.bareAt(start); mark && mark.end <= end; mark = timeline.bareAt(start)) {
      start = mark.end;
      while (start < end && /\s/.test(text[start]!)) start++;
    }
    for (let mark = timeline.bareEndingAt(end); mark && mark.start >= start; mark = timeline.bareEndingAt(end)) {
      end = mark.start;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
    }
    if (end <= start) continue;
    const slice = text.slice(start, end);
    if (speech && !hasWords(slice)) continue;
    const time = timeline.at(start);
    out.push({ start, end, text: slice, ...(time !== undefined ? { time } : {}) });
  }
  return out;
}

export const parseMarkdownTranscript: TranscriptParser = (text: string, ctx: ParseContext): ParsedPassage[] => {
  const lines = splitLines(text);
  const first = lines[0];
  if (first && first.text.startsWith('\uFEFF')) {
    first.start += 1;
    first.text = first.text.slice(1);
  }
  const known = knownLabels(lines, ctx);
  const timeline = new Timeline(
    findTimeMarks(text, (offset, token) => {
      const line = lines.find((l) => offset >= l.start && offset <= l.end)?.number ?? null;
      throw new CorpusError(ctx.file, line, `malformed timestamp ${token} (expected \\[12:34\\] or \\[01:02:03\\])`);
    }),
  );
  const passages: ParsedPassage[] = [];
  let turn = 0;
  let current: Attribution | null = null;
  let section: string | undefined;

  for (const block of toBlocks(lines, known, ctx)) {
    const head = block.lines[0]!;
    const last = block.lines.at(-1)!;
    let a = head.start + (block.label?.length ?? 0);
    let b = last.end;
    if (block.heading !== null) a = head.start + head.text.indexOf(block.heading);

    let role: Role;
    let speaker: string | null;
    if (block.heading !== null) {
      role = 'heading';
      speaker = null;
      current = null;
    } else if (block.label) {
      const who = attribute(block.label.name, ctx);
      if (who.role === 'narration') {
        current = null;
      } else {
        turn++;
        current = who;
      }
      ({ role, speaker } = who);
    } else if (current) {
      ({ role, speaker } = current);
    } else {
      role = 'narration';
      speaker = null;
    }

    // A leading timestamp is a time, not words: the passage starts after it.
    while (a < b && /\s/.test(text[a]!)) a++;
    for (let mark = timeline.bareAt(a); mark && mark.end <= b; mark = timeline.bareAt(a)) {
      a = mark.end;
      while (a < b && /\s/.test(text[a]!)) a++;
    }
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b <= a) continue;

    const speech = role !== 'narration' && role !== 'heading';
    const sentences = timedSentences(text, a, b, timeline, speech);
    if (sentences.length === 0) continue;
    const time = timeline.at(a);
    passages.push({
      role,
      speaker,
      turn: speech ? turn : null,
      line: lineOf(block.lines, a),
      start: a,
      end: b,
      text: text.slice(a, b),
      sentences,
      ...(section !== undefined && role !== 'heading' ? { section } : {}),
      ...(time !== undefined ? { time } : {}),
    });
    if (role === 'heading') section = text.slice(a, b);
  }
  return passages;
};

function lineOf(lines: SourceLine[], offset: number): number {
  let number = lines[0]!.number;
  for (const line of lines) if (line.start <= offset) number = line.number;
  return number;
}
