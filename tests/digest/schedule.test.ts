import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import {
  describeSchedule,
  nextOccurrence,
  parseFrequency,
  parseTime,
  parseTimezone,
  slotsBetween,
  type Schedule,
} from '../../src/digest/schedule.ts';

const london: Schedule = { every: 'daily', time: '09:00', timezone: 'Europe/London', weekday: null };

function occurrences(schedule: Schedule, from: string, count: number): string[] {
  const out: string[] = [];
  let at = new Date(from);
  for (let i = 0; i < count; i++) {
    at = nextOccurrence(schedule, at);
    out.push(at.toISOString());
  }
  return out;
}

describe('digest schedule', () => {
  it('keeps 09:00 local time across the spring-forward change (Europe/London, end of March)', () => {
    expect(occurrences(london, '2026-03-27T12:00:00Z', 4)).toEqual([
      '2026-03-28T09:00:00.000Z', // GMT
      '2026-03-29T08:00:00.000Z', // BST from 01:00 UTC that day
      '2026-03-30T08:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
    ]);
  });

  it('keeps 09:00 local time across the fall-back change (end of October)', () => {
    expect(occurrences(london, '2026-10-23T12:00:00Z', 4)).toEqual([
      '2026-10-24T08:00:00.000Z',
      '2026-10-25T09:00:00.000Z',
      '2026-10-26T09:00:00.000Z',
      '2026-10-27T09:00:00.000Z',
    ]);
  });

  it('fires once a day even when the local time is skipped or repeated by the change', () => {
    const early: Schedule = { ...london, time: '01:30' };
    const spring = occurrences(early, '2026-03-28T12:00:00Z', 2);
    expect(spring[0]).toBe('2026-03-29T01:30:00.000Z'); // 01:30 does not exist: moved on to 02:30 BST
    expect(spring[1]).toBe('2026-03-30T00:30:00.000Z');
    const autumn = occurrences(early, '2026-10-24T12:00:00Z', 3);
    expect(new Set(autumn.map((a) => a.slice(0, 10))).size).toBe(3); // one per day, never two on the 25th
  });

  it('is strictly after the given instant', () => {
    expect(nextOccurrence(london, new Date('2026-03-28T09:00:00Z')).toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(nextOccurrence(london, new Date('2026-03-28T08:59:59Z')).toISOString()).toBe('2026-03-28T09:00:00.000Z');
  });

  it('uses the local calendar date of the zone, not the UTC one', () => {
    const tokyo: Schedule = { every: 'daily', time: '08:00', timezone: 'Asia/Tokyo', weekday: null };
    // 22:00 UTC on the 1st is already 07:00 on the 2nd in Tokyo: the next 08:00 is one hour away.
    expect(nextOccurrence(tokyo, new Date('2026-06-01T22:00:00Z')).toISOString()).toBe('2026-06-01T23:00:00.000Z');
  });

  it('weekly schedules fire on their weekday only', () => {
    const weekly: Schedule = { every: 'weekly', time: '09:00', timezone: 'America/New_York', weekday: 1 };
    const list = occurrences(weekly, '2026-03-01T00:00:00Z', 3);
    expect(list).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z', '2026-03-16T13:00:00.000Z']);
    expect(describeSchedule(weekly)).toBe('weekly on Monday at 09:00 (America/New_York)');
  });

  it('counts the slots missed during downtime', () => {
    expect(slotsBetween(london, new Date('2026-03-28T09:00:00Z'), new Date('2026-03-28T09:30:00Z'))).toBe(1);
    expect(slotsBetween(london, new Date('2026-03-28T09:00:00Z'), new Date('2026-03-31T10:00:00Z'))).toBe(4);
  });

  it('validates times, frequencies and IANA zones at the boundary', () => {
    expect(parseTime('9:05')).toBe('09:05');
    expect(() => parseTime('24:00')).toThrow(InputError);
    expect(() => parseTime('9am')).toThrow(InputError);
    expect(parseFrequency('Weekly')).toBe('weekly');
    expect(() => parseFrequency('hourly')).toThrow(InputError);
    expect(parseTimezone('europe/london')).toBe('Europe/London');
    expect(parseTimezone(undefined)).toBe('UTC');
    expect(parseTimezone('UTC')).toBe('UTC');
    expect(() => parseTimezone('Mars/Olympus_Mons')).toThrow(InputError);
    expect(() => parseTimezone('+05:00')).toThrow(InputError);
  });
});
