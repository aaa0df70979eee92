/**
 * Passages from timed cues (WebVTT, SRT): each cue's text, per speaker, becomes a passage dated by the
 * cue's start. A cue without a speaker continues the speaker before it; the turn number changes only
 * when the speaker does, since one spoken turn usually spans many short cues.
 */
import type { SourceLine } from '../lines.ts';
import { splitSentences } from '../sentences.ts';
import type { Role } from '../types.ts';
import { hasWords } from './inline-time.ts';
import { attribute, isDeclaredLabel, looksLikeName, type Attribution } from './speakers.ts';
import type { ParseContext, ParsedPassage } from './types.ts';

/** A run of cue text attributed to one label (or to none, continuing the previous speaker). */
export interface CueSpan {
  label: string | null;
  start: number;
  end: number;
  line: number;
}

export interface Cue {
  /** Start of the cue, in seconds. */
  seconds: number;
  spans: CueSpan[];
}

/** `<v Speaker>` (WebVTT voice tag, also met in converted SRT) and its closing tag. */
const VOICE = /^<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/;
const VOICE_END = /<\/v>\s*$/;

/** `Name: words` at the start of cue text. */
const PREFIX = /^([^\s:<>[\](){}-][^:\n<>]{0,39}?):[ \t]+/;

/**
 * Speaker prefixes (`Name: …`) that are certainly labels: declared in the metadata, or name-like and
 * used at least twice in the file (so "Note: …" in one caption is not taken for a speaker).
 */
export function prefixLabels(lineTexts: string[], ctx: ParseContext): Set<string> {
  const counts = new Map<string, number>();
  for (const text of lineTexts) {
    const m = PREFIX.exec(text);
    if (m) counts.set(m[1]!.trim(), (counts.get(m[1]!.trim()) ?? 0) + 1);
  }
  const known = new Set<string>();
  for (const [name, count] of counts) {
    if (isDeclaredLabel(name, ctx) || (count >= 2 && looksLikeName(name))) known.add(name);
  }
  return known;
}

/** The prefix label of a cue line and its length, when it is a known label. */
export function readPrefix(text: string, known: Set<string>): { name: string; length: number } | null {
  const m = PREFIX.exec(text);
  if (!m || !known.has(m[1]!.trim())) return null;
  return { name: m[1]!.trim(), length: m[0].length };
}

/** Non-blank runs of lines. */
export function blocksOf(lines: SourceLine[]): SourceLine[][] {
  const blocks: SourceLine[][] = [];
  let open: SourceLine[] | null = null;
  for (const line of lines) {
    if (line.text.trim() === '') {
      open = null;
      continue;
    }
    if (!open) {
      open = [];
      blocks.push(open);
    }
    open.push(line);
  }
  return blocks;
}

/** Splits a cue's text lines into spans per speaker (voice tag or known prefix; other lines continue). */
export function cueSpans(textLines: SourceLine[], known: Set<string>): CueSpan[] {
  const spans: CueSpan[] = [];
  for (const line of textLines) {
    const end = line.end - (VOICE_END.exec(line.text)?.[0].length ?? 0);
    const voice = VOICE.exec(line.text);
    const prefix = voice ? null : readPrefix(line.text, known);
    const label = voice ? (voice[1]?.trim() || null) : (prefix?.name ?? null);
    const previous = spans.at(-1);
    if (previous && (label === null || label === previous.label)) {
      previous.end = end;
      continue;
    }
    const skip = voice ? voice[0].length : (prefix?.length ?? 0);
    spans.push({ label, start: line.start + skip, end, line: line.number });
  }
  return spans;
}

export function cuesToPassages(text: string, cues: Cue[], ctx: ParseContext): ParsedPassage[] {
  const passages: ParsedPassage[] = [];
  let turn = 0;
  let current: Attribution | null = null;
  for (const cue of cues) {
    for (const span of cue.spans) {
      if (span.label !== null) {
        const who = attribute(span.label, ctx);
        if (who.role === 'narration') {
          current = null;
        } else if (current === null || current.speaker !== who.speaker) {
          turn++;
          current = who;
        }
        if (who.role === 'narration') {
          pushSpan(passages, text, span, cue.seconds, 'narration', null, null);
          continue;
        }
      }
      const role: Role = current?.role ?? 'other';
      pushSpan(passages, text, span, cue.seconds, role, current?.speaker ?? null, current ? turn : null);
    }
  }
  return passages;
}

function pushSpan(
  passages: ParsedPassage[],
  text: string,
  span: CueSpan,
  time: number,
  role: Role,
  speaker: string | null,
  turn: number | null,
): void {
  let { start: a, end: b } = span;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  if (b <= a) return;
  const speech = role !== 'narration';
  const sentences = splitSentences(text, a, b)
    .map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end), time }))
    .filter((s) => !speech || hasWords(s.text));
  if (sentences.length === 0) return;
  passages.push({ role, speaker, turn, line: span.line, start: a, end: b, text: text.slice(a, b), sentences, time });
}
