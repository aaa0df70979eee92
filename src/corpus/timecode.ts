/**
 * Timecodes ("12:34", "01:02:03.45") and the deep links built from them, so a quote can point at the
 * moment it was said.
 */
import type { Passage, Sentence, SourceMeta } from './types.ts';

/**
 * `m:ss`, `mm:ss`, `h:mm:ss` or `hh:mm:ss`, each optionally with a fraction (`.13` or `,500`) or, after
 * hours, video frames (`00:19:38:01`, ignored). A single seconds digit is accepted because real
 * transcripts contain typos like "00:31:2.01".
 */
const TIMECODE = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3})|(?<=^\d{1,3}:\d{1,2}:\d{1,2}):\d{2})?$/;

/** Seconds for a timecode, or null when the text is not one. */
export function parseTimecode(text: string): number | null {
  const m = TIMECODE.exec(text.trim());
  if (!m) return null;
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (seconds >= 60 || (m[1] !== undefined && minutes >= 60)) return null;
  const fraction = m[4] === undefined ? 0 : Number(`0.${m[4]}`);
  return hours * 3600 + minutes * 60 + seconds + fraction;
}

/** "12:34" under an hour, "1:02:03" from an hour on (whole seconds, rounded down). */
export function formatTimecode(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const YOUTUBE_HOSTS = /(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be)$/i;

/**
 * The URL that opens a recording at `seconds`: YouTube takes a `t=<seconds>s` query parameter, other
 * players the Media Fragments `#t=<seconds>`. An unparsable URL is returned unchanged.
 */
export function deepLink(url: string, seconds: number): string {
  if (!URL.canParse(url)) return url;
  const link = new URL(url);
  const whole = Math.max(0, Math.floor(seconds));
  if (YOUTUBE_HOSTS.test(link.hostname)) {
    link.searchParams.set('t', `${whole}s`);
  } else {
    link.hash = `t=${whole}`;
  }
  return link.toString();
}

/** Where a quote sits: a locator a reader understands and the link to open it there. */
export interface QuoteLocation {
  locator: string;
  url: string;
}

/**
 * Locator and link for a passage (or one of its sentences): the time when the source has timestamps
 * ("12:34", linked to that moment), else the turn ("turn 23"), else the line.
 */
export function quoteLocation(meta: Pick<SourceMeta, 'url'>, passage: Passage, sentence?: Sentence): QuoteLocation {
  const time = sentence?.time ?? passage.time;
  if (time !== undefined) return { locator: formatTimecode(time), url: deepLink(meta.url, time) };
  if (passage.turn !== null) return { locator: `turn ${passage.turn}`, url: meta.url };
  return { locator: `line ${passage.line}`, url: meta.url };
}
