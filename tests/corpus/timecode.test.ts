import { describe, expect, it } from 'vitest';
import { deepLink, formatTimecode, parseTimecode, quoteLocation } from '../../src/corpus/timecode.ts';
import type { Passage } from '../../src/corpus/types.ts';

describe('timecodes', () => {
  it('parses mm:ss, hh:mm:ss and fractions, and rejects what is not a time', () => {
    expect(parseTimecode('12:34')).toBe(754);
    expect(parseTimecode('01:02:03')).toBe(3723);
    expect(parseTimecode('00:04:52.13')).toBeCloseTo(292.13);
    expect(parseTimecode('00:00:01,500')).toBe(1.5);
    // Video frames after the seconds (seen in real transcripts) are ignored.
    expect(parseTimecode('00:19:38:01')).toBe(1178);
    expect(parseTimecode('12:75')).toBeNull();
    expect(parseTimecode('laughs')).toBeNull();
  });

  it('formats a locator like "12:34", with hours from an hour on', () => {
    expect(formatTimecode(754.9)).toBe('12:34');
    expect(formatTimecode(65)).toBe('1:05');
    expect(formatTimecode(3723)).toBe('1:02:03');
  });
});

describe('deep links', () => {
  it('adds t=<seconds>s to YouTube links, with ? or & as the URL needs', () => {
    expect(deepLink('https://www.youtube.com/watch?v=FUGosOgiTeI', 754.6)).toBe('https://www.youtube.com/watch?v=FUGosOgiTeI&t=754s');
    expect(deepLink('https://youtu.be/FUGosOgiTeI', 90)).toBe('https://youtu.be/FUGosOgiTeI?t=90s');
    // An existing start time is replaced, not duplicated.
    expect(deepLink('https://www.youtube.com/watch?v=x&t=10s', 20)).toBe('https://www.youtube.com/watch?v=x&t=20s');
  });

  it('uses a media fragment #t=<seconds> for other players', () => {
    expect(deepLink('https://changelog.com/practicalai/222', 292.13)).toBe('https://changelog.com/practicalai/222#t=292');
    expect(deepLink('not a url', 5)).toBe('not a url');
  });

  it('locates a quote by time when known, else by turn, else by line', () => {
    const passage: Passage = {
      id: 'a#0', sourceId: 'a', index: 0, role: 'guest', speaker: 'Travis Fischer', turn: 4, line: 9,
      start: 0, end: 5, text: 'Hello', sentences: [{ start: 0, end: 5, text: 'Hello', time: 292 }], time: 130,
    };
    const meta = { url: 'https://youtu.be/abc' };
    expect(quoteLocation(meta, passage, passage.sentences[0])).toEqual({ locator: '4:52', url: 'https://youtu.be/abc?t=292s' });
    expect(quoteLocation(meta, passage)).toEqual({ locator: '2:10', url: 'https://youtu.be/abc?t=130s' });
    const untimed = { ...passage, time: undefined, sentences: [] };
    expect(quoteLocation(meta, untimed)).toEqual({ locator: 'turn 4', url: 'https://youtu.be/abc' });
    expect(quoteLocation(meta, { ...untimed, turn: null })).toEqual({ locator: 'line 9', url: 'https://youtu.be/abc' });
  });
});
