import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.ts';
import { corpusErrorFrom, removeFixtures, writeCorpus } from '../fixtures.ts';
import { expectExactSlices, withBomAndCrlf } from './helpers.ts';

afterEach(removeFixtures);

const SUBTITLES = `1
00:00:01,000 --> 00:00:04,000
Daniel Whitenack: Welcome back. Today we talk

2
00:00:04,000 --> 00:00:06,500
about starting simple.

3
00:00:06,500 --> 00:00:09,000
Travis Fischer: Start simple.
It is the main takeaway.

4
00:00:09,000 --> 00:00:10,000

5
00:01:02,000 --> 00:01:04,000
Daniel Whitenack: Thanks, Travis.

6
01:00:04,500 --> 01:00:06,000
Travis Fischer: [laughs] Thank you.
`;

const META = { title: 'Subtitles', url: 'https://youtu.be/abc123', language: 'en', host: 'Daniel Whitenack', guest: 'Travis Fischer' };

describe('SRT', () => {
  it('reads numbered cues, speaker prefixes and continuation cues, skipping empty cues', () => {
    const dir = writeCorpus({ 'ep.srt': withBomAndCrlf(SUBTITLES), 'ep.meta.json': META });
    const source = loadCorpus(dir).sources[0]!;
    expect(source.meta.format).toBe('srt');
    expectExactSlices(source);
    expect(source.passages.map((p) => [p.role, p.speaker, p.turn, p.line, p.time, p.text])).toEqual([
      ['host', 'Daniel Whitenack', 1, 3, 1, 'Welcome back. Today we talk'],
      ['host', 'Daniel Whitenack', 1, 7, 4, 'about starting simple.'],
      ['guest', 'Travis Fischer', 2, 11, 6.5, 'Start simple.\r\nIt is the main takeaway.'],
      ['host', 'Daniel Whitenack', 3, 19, 62, 'Thanks, Travis.'],
      ['guest', 'Travis Fischer', 4, 23, 3604.5, '[laughs] Thank you.'],
    ]);
  });

  it('without metadata, names speakers from their prefixes and makes no one the guest', () => {
    const source = loadCorpus(writeCorpus({ 'ep.srt': SUBTITLES })).sources[0]!;
    expect(source.meta.guest).toBeNull();
    expect(source.passages.map((p) => [p.role, p.speaker])).toContainEqual(['other', 'Travis Fischer']);
  });

  it('reports a malformed cue timing, and a cue without a number, with file and line', () => {
    const badTiming = SUBTITLES.replace('00:01:02,000 --> 00:01:04,000', '00:01:02,000 --> 00:01:04');
    const err = corpusErrorFrom(() => loadCorpus(writeCorpus({ 'ep.srt': withBomAndCrlf(badTiming) })));
    expect([err.file, err.line]).toEqual(['ep.srt', 18]);
    expect(err.message).toMatch(/malformed cue timing/);

    const noNumber = SUBTITLES.replace('\n5\n', '\nfive\n');
    expect(corpusErrorFrom(() => loadCorpus(writeCorpus({ 'ep.srt': noNumber }))).line).toBe(17);
  });
});
