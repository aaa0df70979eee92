import { CorpusError } from '../../errors.ts';
import { splitLines, type SourceLine } from '../lines.ts';
import { splitSentences } from '../sentences.ts';
import type { Role } from '../types.ts';
import type { ParseContext, ParsedPassage, TranscriptParser } from './types.ts';

/** End punctuation that marks a line as prose; an unlabelled line without it, right before a turn, is a heading. */
const END_PUNCT = /[。!?!?….:::;;”"’')」』)》]$/;

interface Label {
  role: 'host' | 'guest' | 'other';
  speaker: string;
  /** Offset of the first character after the label and its colon (and following spaces). */
  bodyStart: number;
}

/** `Label:` or `Label:` at the very start of a line, for labels the metadata declares. */
function readLabel(line: SourceLine, ctx: ParseContext): Label | null {
  const m = /^([^::]{1,40})[::]\s*/.exec(line.text);
  if (!m) return null;
  const label = m[1]!.trim();
  const role = ctx.speakers[label];
  if (!role) return null;
  return { role, speaker: ctx.speakerNames[label] ?? label, bodyStart: line.start + m[0].length };
}

function inRanges(n: number, ranges: Array<[number, number]>): boolean {
  return ranges.some(([a, b]) => n >= a && n <= b);
}

/**
 * Parses an interview article: narration lines declared in the metadata, editors' headings (unlabelled,
 * no end punctuation, directly before a turn), `Label:` turn starts, and unlabelled lines continuing
 * the turn before them.
 */
export const parseQaArticle: TranscriptParser = (text: string, ctx: ParseContext): ParsedPassage[] => {
  const lines = splitLines(text).filter((l) => l.text.trim() !== '');
  if (lines.length === 0) throw new CorpusError(ctx.file, null, 'the file is empty');
  const first = lines[0]!;
  if (first.text.startsWith('\uFEFF')) {
    first.start += 1;
    first.text = first.text.slice(1);
  }

  const passages: ParsedPassage[] = [];
  let turn = 0;
  let current: { role: Role; speaker: string } | null = null;
  let section: string | undefined;

  const add = (line: SourceLine, role: Role, speaker: string | null, start: number) => {
    let a = start;
    while (a < line.end && /\s/.test(text[a]!)) a++;
    let b = line.end;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b <= a) {
      throw new CorpusError(ctx.file, line.number, 'a speaker label with no text after it');
    }
    const sentences = splitSentences(text, a, b).map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
    passages.push({
      role,
      speaker,
      turn: role === 'host' || role === 'guest' || role === 'other' ? turn : null,
      line: line.number,
      start: a,
      end: b,
      text: text.slice(a, b),
      sentences,
      ...(section !== undefined && role !== 'heading' ? { section } : {}),
    });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (inRanges(line.number, ctx.narrationLines)) {
      add(line, 'narration', null, line.start);
      current = null;
      continue;
    }
    const label = readLabel(line, ctx);
    if (label) {
      turn++;
      current = { role: label.role, speaker: label.speaker };
      add(line, label.role, label.speaker, label.bodyStart);
      continue;
    }
    const next = lines[i + 1];
    const nextStartsTurn = next !== undefined && !inRanges(next.number, ctx.narrationLines) && readLabel(next, ctx) !== null;
    if (!END_PUNCT.test(line.text.trim()) && nextStartsTurn) {
      section = line.text.trim();
      add(line, 'heading', null, line.start);
      current = null;
      continue;
    }
    if (!current) {
      throw new CorpusError(
        ctx.file,
        line.number,
        'an unlabelled line that is neither declared narration, a heading before a turn, nor the continuation of a turn',
      );
    }
    add(line, current.role, current.speaker, line.start);
  }
  return passages;
};
