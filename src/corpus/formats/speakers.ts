/**
 * Speaker labels shared by the timed and speaker-labelled formats: which labels are people, which are
 * production markers, and the role each person plays in one source (from its metadata).
 */
import type { Role } from '../types.ts';
import type { ParseContext } from './types.ts';

/** Labels that mark production events, not anyone's words (`**Break:**`, `Outro:`, …). */
const MARKER_LABELS = new Set([
  'break',
  'ad',
  'ads',
  'ad break',
  'sponsor',
  'intro',
  'outro',
  'music',
  'sample',
  'clip',
  'song',
  'teaser',
  'interlude',
  'cold open',
  'preview',
  'transition',
  'sound effect',
  'sfx',
]);

/** Words that end a plain `Word:` line yet are not speaker names (headings, notes, prose). */
const NOT_NAMES = new Set(['note', 'notes', 'update', 'edit', 'example', 'warning', 'tip', 'source', 'link', 'links', 'so', 'and', 'but', 'then', 'now', 'well', 'yes', 'no', 'okay', 'ok', 'also', 'however', 'because', 'answer', 'question']);

export function isMarkerLabel(label: string): boolean {
  return MARKER_LABELS.has(label.trim().toLowerCase());
}

/** A label written like a name: one to four capitalised words ("Travis Fischer", "Dr. Ruth", "Q"). */
export function looksLikeName(label: string): boolean {
  if (label.length > 40 || NOT_NAMES.has(label.toLowerCase())) return false;
  return /^\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|de|da|van|von|der|la|le|del|bin|al))*$/u.test(label) && label.split(/\s+/).length <= 4;
}

/** Who a labelled passage belongs to. */
export interface Attribution {
  role: Role;
  speaker: string | null;
}

/**
 * The role of a labelled speaker in this source: declared in the metadata's `speakers`, else matched
 * against its `guest` / `host` names, else `other` (a person, but neither declared guest nor host).
 * Production markers are narration with no speaker.
 */
export function attribute(label: string, ctx: ParseContext): Attribution {
  const trimmed = label.trim();
  if (isMarkerLabel(trimmed) && ctx.speakers[trimmed] === undefined) return { role: 'narration', speaker: null };
  const speaker = ctx.speakerNames[trimmed] ?? trimmed;
  const declared = ctx.speakers[trimmed] ?? ctx.speakers[speaker];
  if (declared) return { role: declared, speaker };
  const name = speaker.toLowerCase();
  if (ctx.meta.guest !== null && ctx.meta.guest.toLowerCase() === name) return { role: 'guest', speaker };
  if (ctx.meta.host !== null && ctx.meta.host.toLowerCase() === name) return { role: 'host', speaker };
  return { role: 'other', speaker };
}

/** True when a label is known to be a speaker without guessing: declared, or the guest's or host's name. */
export function isDeclaredLabel(label: string, ctx: ParseContext): boolean {
  const trimmed = label.trim();
  if (ctx.speakers[trimmed] !== undefined || ctx.speakerNames[trimmed] !== undefined) return true;
  const name = trimmed.toLowerCase();
  return name === ctx.meta.guest?.toLowerCase() || name === ctx.meta.host?.toLowerCase();
}
