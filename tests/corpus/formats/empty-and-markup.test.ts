import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.ts';
import { cleanVttText } from '../../../src/corpus/formats/vtt-markup.ts';
import { corpusErrorFrom, removeFixtures, writeCorpus } from '../fixtures.ts';
import { expectExactSlices } from './helpers.ts';

afterEach(removeFixtures);

describe('empty transcripts stop loading in every format, like an empty .txt', () => {
  it.each([
    ['talk.md', ''],
    ['talk.md', '\n\n   \n'],
    ['talk.vtt', 'WEBVTT\n'],
    ['talk.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n'],
    ['talk.srt', ''],
    ['talk.json', { version: '1.0.0', segments: [] }],
  ])('%s %j', (name, content) => {
    const dir = writeCorpus({ [name]: content });
    const error = corpusErrorFrom(() => loadCorpus(dir));
    expect(error.message).toContain(name);
  });
});

const MARKED_UP = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v Ann Host>Welcome back &amp; thanks for joining.</v>

00:00:04.000 --> 00:00:09.000
<v Bo Guest><c.loud>Data</c> beats <b>scale</b>, <00:00:06.500>every <i>single</i> time &lt;honestly&gt;.</v>

00:00:09.000 --> 00:00:12.000
<v Bo Guest>R&amp;D costs fell by half&nbsp;&#8212; that&#39;s the point.
`;

describe('WebVTT markup and character references never reach a quote', () => {
  it('strips voice, class, bold, italic and timestamp tags, decodes references, and keeps exact slices', () => {
    const dir = writeCorpus({
      'talk.vtt': MARKED_UP,
      'talk.meta.json': { title: 'Talk', url: 'https://example.com/talk', language: 'en', host: 'Ann Host', guest: 'Bo Guest' },
    });
    const source = loadCorpus(dir).sources[0]!;
    expectExactSlices(source);
    const texts = source.passages.map((p) => p.text);
    expect(texts).toContain('Welcome back & thanks for joining.');
    const guest = source.passages.filter((p) => p.speaker === 'Bo Guest').map((p) => p.text);
    expect(guest.join(' ')).toContain('Data beats scale, every single time <honestly>.');
    expect(guest.join(' ')).toContain('R&D costs fell by half\u00a0— that\'s the point.');
    for (const passage of source.passages) {
      for (const sentence of passage.sentences) {
        expect(sentence.text).not.toMatch(/<\/?(?:v|c|b|i)\b|<\d{2}:|&amp;|&lt;|&#/);
        expect(source.text.includes(sentence.text)).toBe(true);
      }
    }
    // Speakers still come from the voice tags, and cue times still date the words.
    expect(source.passages.find((p) => p.text.startsWith('Data'))).toMatchObject({ speaker: 'Bo Guest', role: 'guest', time: 4 });
  });

  it('maps every offset of the file to the cleaned text', () => {
    const raw = 'a <b>bold</b> &amp; b';
    const clean = cleanVttText(raw);
    expect(clean.text).toBe('a bold & b');
    expect(clean.toClean(raw.indexOf('bold'))).toBe(clean.text.indexOf('bold'));
    expect(clean.toClean(raw.indexOf('&amp;'))).toBe(clean.text.indexOf('&'));
    expect(clean.toClean(raw.length)).toBe(clean.text.length);
    // Unknown references and non-WebVTT angle brackets are words, kept as written.
    expect(cleanVttText('x &bogus; <3 y').text).toBe('x &bogus; <3 y');
    // Names of Object.prototype's members are no references either.
    expect(cleanVttText('a &constructor; &toString; b').text).toBe('a &constructor; &toString; b');
  });
});
