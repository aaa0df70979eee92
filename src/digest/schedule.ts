import { DateTime, IANAZone } from 'luxon';
import { InputError } from '../errors.ts';

/**
 * When digests are due. Times are wall-clock times in the subscription's IANA time zone, so a 09:00
 * digest stays at 09:00 local time across daylight-saving changes. On the spring-forward day a time
 * inside the skipped hour moves forward by the gap (01:30 becomes 02:30); on the fall-back day a
 * repeated time fires once (luxon resolves the local time to one instant per day).
 */
export type Frequency = 'daily' | 'weekly';

export interface Schedule {
  every: Frequency;
  /** "HH:MM", 24-hour. */
  time: string;
  /** IANA zone, e.g. "Europe/London". */
  timezone: string;
  /** ISO weekday (Monday = 1) for weekly digests. */
  weekday: number | null;
}

export const DEFAULT_TIMEZONE = 'UTC';

export function parseFrequency(text: string): Frequency {
  const value = text.trim().toLowerCase();
  if (value === 'daily' || value === 'weekly') return value;
  throw new InputError('How often? Use "daily" or "weekly".');
}

/** "9:00" / "09:00" → "09:00"; anything else is an input error the user sees. */
export function parseTime(text: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hour = match ? Number(match[1]) : NaN;
  const minute = match ? Number(match[2]) : NaN;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) {
    throw new InputError('The time must be HH:MM on a 24-hour clock, e.g. 09:00 or 17:30.');
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Validates an IANA time zone name and returns its canonical spelling ("europe/london" → "Europe/London"). */
export function parseTimezone(text: string | null | undefined): string {
  const name = text?.trim() || DEFAULT_TIMEZONE;
  if (!IANAZone.isValidZone(name)) {
    throw new InputError(`"${name.slice(0, 60)}" is not a time zone I know. Use an IANA name such as Europe/London or America/New_York.`);
  }
  const canonical = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  return /^(etc\/)?(utc|gmt|zulu|uct)$/i.test(canonical) ? 'UTC' : canonical;
}

function clock(time: string): { hour: number; minute: number } {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { hour, minute };
}

/** The schedule's local time on one calendar day (resolved by luxon through DST gaps). */
function onDay(day: DateTime, schedule: Schedule): DateTime {
  const { hour, minute } = clock(schedule.time);
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute, second: 0, millisecond: 0 },
    { zone: schedule.timezone },
  );
}

/** The first time the schedule fires strictly after `after`. */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  const start = DateTime.fromJSDate(after, { zone: schedule.timezone }).startOf('day');
  // Day by day from the local date of `after`: at most 8 days for a weekly schedule.
  for (let offset = 0; offset <= 8; offset++) {
    const day = start.plus({ days: offset });
    if (schedule.every === 'weekly' && schedule.weekday !== null && day.weekday !== schedule.weekday) continue;
    const at = onDay(day, schedule);
    if (at.toMillis() > after.getTime()) return at.toJSDate();
  }
  throw new Error(`no occurrence of ${schedule.every} ${schedule.time} ${schedule.timezone} after ${after.toISOString()}`);
}

/** How many scheduled times fall in [from, to]: 1 for an on-time digest, more after downtime. */
export function slotsBetween(schedule: Schedule, from: Date, to: Date): number {
  if (from.getTime() > to.getTime()) return 0;
  let count = 1;
  for (let at = nextOccurrence(schedule, from); at.getTime() <= to.getTime() && count < 1000; at = nextOccurrence(schedule, at)) count++;
  return count;
}

/** ISO weekday (Monday = 1) of an instant in a zone, for weekly schedules. */
export function weekdayOf(at: Date, timezone: string): number {
  return DateTime.fromJSDate(at, { zone: timezone }).weekday;
}

/** "daily at 09:00 (Europe/London)" / "weekly on Monday at 09:00 (UTC)". */
export function describeSchedule(schedule: Schedule): string {
  const day = schedule.every === 'weekly' && schedule.weekday !== null
    ? ` on ${DateTime.fromObject({ weekday: schedule.weekday as 1 }, { zone: 'UTC' }).setLocale('en').toFormat('cccc')}`
    : '';
  return `${schedule.every}${day} at ${schedule.time} (${schedule.timezone})`;
}
