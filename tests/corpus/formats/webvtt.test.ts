import { afterEach, describe, expect, it } from 'vitest';
import { FORMATS } from '../../../src/corpus/formats/index.ts';
import { loadCorpus } from '../../../src/corpus/load.ts';
import { corpusErrorFrom, removeFixtures, writeCorpus } from '../fixtures.ts';
import { expectExactSlices, withBomAndCrlf } from './helpers.ts';

afterEach(removeFixtures);

const CAPTIONS = `WEBVTT - Practical AI excerpt
Kind: captions

NOTE This transcript was generated
and corrected by hand.

1
00:00:01.000 --> 00:00:04.500
<v Daniel Whitenack>Welcome to the show. Today we talk

00:00:04.500 --> 00:00:07.000
<v Daniel Whitenack>about starting simple.</v>

intro-2
00:00:07.000 --> 00:00:12.000 align:start
<v.loud Travis Fischer>Start simple is the main takeaway.
Hosted models get you most of the way.

00:00:12.000 --> 00:00:13.000

01:02.250 --> 01:05.000
Only move down the ladder when you hit a constraint.

01:01:05.000 --> 01:01:08.000
<v Daniel Whitenack>Great.
<v Travis Fischer>Thanks.
`;

const META = { title: 'Captions', url: 'https://example.com/ep/222', language: 'en', host: 'Daniel Whitenack', guest: 'Travis Fischer' };

describe('WebVTT', () => {
  it('reads voice tags, cue times and continuation cues, skipping NOTE blocks and empty cues', () => {
    const dir = writeCorpus({ 'ep.vtt': withBomAndCrlf(CAPTIONS), 'ep.meta.json': META });
    const source = loadCorpus(dir).sources[0]!;
    expect(source.meta.format).toBe('webvtt');
    expectExactSlices(source);
    expect(source.passages.map((p) => [p.role, p.speaker, p.turn, p.line, p.time, p.text])).toEqual([
      ['host', 'Daniel Whitenack', 1, 9, 1, 'Welcome to the show. Today we talk'],
      ['host', 'Daniel Whitenack', 1, 12, 4.5, 'about starting simple.'],
      ['guest', 'Travis Fischer', 2, 16, 7, 'Start simple is the main takeaway.\r\nHosted models get you most of the way.'],
      // A cue with no voice continues the speaker before it.
      ['guest', 'Travis Fischer', 2, 22, 62.25, 'Only move down the ladder when you hit a constraint.'],
      ['host', 'Daniel Whitenack', 3, 25, 3665, 'Great.'],
      ['guest', 'Travis Fischer', 4, 26, 3665, 'Thanks.'],
    ]);
    expect(source.passages[2]!.sentences.map((s) => [s.text, s.time])).toEqual([
      ['Start simple is the main takeaway.', 7],
      ['Hosted models get you most of the way.', 7],
    ]);
  });

  it('tolerates a byte-order mark when the parser is given the raw text', () => {
    const parsed = FORMATS.webvtt!(withBomAndCrlf(CAPTIONS), {
      file: 'ep.vtt',
      meta: { id: 'ep', format: 'webvtt', ...META },
      speakers: {},
      speakerNames: {},
      narrationLines: [],
    });
    const passages = Array.isArray(parsed) ? parsed : parsed.passages;
    expect(passages[0]!.text).toBe('Welcome to the show. Today we talk');
  });

  it('reports a malformed cue timing with its file and line', () => {
    const bad = CAPTIONS.replace('01:02.250 --> 01:05.000', '01:02,250 -> 01:05.000');
    const dir = writeCorpus({ 'ep.vtt': withBomAndCrlf(bad), 'ep.meta.json': META });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.file).toBe('ep.vtt');
    expect(err.line).toBe(21);
  });

  it('reports a cue with no timing line, and a file without the WEBVTT header', () => {
    const noTiming = CAPTIONS.replace('01:02.250 --> 01:05.000\n', '');
    expect(corpusErrorFrom(() => loadCorpus(writeCorpus({ 'a.vtt': noTiming }))).line).toBe(21);
    expect(corpusErrorFrom(() => loadCorpus(writeCorpus({ 'b.vtt': CAPTIONS.slice(6) }))).line).toBe(1);
  });
});
