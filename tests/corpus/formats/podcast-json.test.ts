import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.ts';
import { corpusErrorFrom, removeFixtures, writeCorpus } from '../fixtures.ts';
import { expectExactSlices, withBomAndCrlf } from './helpers.ts';

afterEach(removeFixtures);

/** Podcasting 2.0 JSON with word-level segments, a segment without speaker and an empty one. */
const TRANSCRIPT = `{
  "version": "1.0.0",
  "segments": [
    { "speaker": "Daniel Whitenack", "startTime": 0.5, "endTime": 1.2, "body": "Welcome back." },
    { "speaker": "Daniel Whitenack", "startTime": 1.2, "endTime": 3.0, "body": "What is \\"start simple\\"?" },
    { "speaker": "Travis Fischer", "startTime": 3.0, "endTime": 4.0, "body": "Start" },
    { "speaker": "Travis Fischer", "startTime": 4.0, "endTime": 4.5, "body": "simple" },
    { "speaker": "Travis Fischer", "startTime": 4.5, "endTime": 4.6, "body": "." },
    { "startTime": 5.0, "endTime": 6.0, "body": "Hosted models first." },
    { "speaker": "Travis Fischer", "startTime": 6.0, "endTime": 6.1, "body": "" },
    { "speaker": "Daniel Whitenack", "startTime": 70.0, "endTime": 71.0, "body": "Thanks, Travis." }
  ]
}
`;

const META = { title: 'JSON', url: 'https://example.com/ep/222.mp3', language: 'en', host: 'Daniel Whitenack', guest: 'Travis Fischer' };

describe('Podcasting 2.0 JSON', () => {
  it('joins segments into speaker paragraphs with each body verbatim and its start time', () => {
    const dir = writeCorpus({ 'ep.json': withBomAndCrlf(TRANSCRIPT), 'ep.meta.json': META });
    const source = loadCorpus(dir).sources[0]!;
    expect(source.meta.format).toBe('podcast-json');
    expect(source.text).toBe(
      'Daniel Whitenack: Welcome back. What is "start simple"?\n\nTravis Fischer: Start simple. Hosted models first.\n\nDaniel Whitenack: Thanks, Travis.',
    );
    expectExactSlices(source);
    expect(source.passages.map((p) => [p.role, p.speaker, p.turn, p.line, p.time, p.text])).toEqual([
      ['host', 'Daniel Whitenack', 1, 4, 0.5, 'Welcome back. What is "start simple"?'],
      ['guest', 'Travis Fischer', 2, 6, 3, 'Start simple. Hosted models first.'],
      ['host', 'Daniel Whitenack', 3, 11, 70, 'Thanks, Travis.'],
    ]);
    expect(source.passages[1]!.sentences.map((s) => [s.text, s.time])).toEqual([
      ['Start simple.', 3],
      ['Hosted models first.', 5],
    ]);
  });

  it('reports a segment that breaks the schema with the line of that segment', () => {
    const bad = TRANSCRIPT.replace('"startTime": 5.0', '"startTime": "five"');
    const err = corpusErrorFrom(() => loadCorpus(writeCorpus({ 'ep.json': withBomAndCrlf(bad) })));
    expect([err.file, err.line]).toEqual(['ep.json', 9]);
    expect(err.message).toMatch(/segments\.5\.startTime/);

    const backwards = TRANSCRIPT.replace('"startTime": 70.0, "endTime": 71.0', '"startTime": 70.0, "endTime": 69.0');
    expect(corpusErrorFrom(() => loadCorpus(writeCorpus({ 'ep.json': backwards }))).line).toBe(11);
  });

  it('reports invalid JSON with the line it breaks on', () => {
    const broken = TRANSCRIPT.replace('"body": "simple" }', '"body": "simple" ');
    const err = corpusErrorFrom(() => loadCorpus(writeCorpus({ 'ep.json': broken })));
    expect(err.line).toBe(8);
    expect(err.message).toMatch(/not valid JSON/);
  });
});
