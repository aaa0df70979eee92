import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.ts';
import { corpusErrorFrom, removeFixtures, writeCorpus } from '../fixtures.ts';
import { expectExactSlices, withBomAndCrlf } from './helpers.ts';

afterEach(removeFixtures);

/** Shaped like a Changelog transcript: bold labels, continuation paragraphs, inline timestamps, markers. */
const EPISODE = `# Practical AI 222: Start simple

**Daniel Whitenack:** Welcome to another episode. Today we have Travis Fischer with us.

**Travis Fischer:** Thanks for having me. It's a pleasure to be here.

**Daniel Whitenack:** \\[02:10\\] You posted a diagram about starting simple. Why?

**Travis Fischer:** Start simple is the main takeaway. Hosted models get you most of the way.

\\[04:52\\] Only move down the ladder of complexity when you hit a constraint. You \\[unintelligible 00:05:01.13\\] find that prompts are enough. Then measure.

\\[laughter\\]

**Break:** \\[06:00\\] to \\[07:30\\]

Chris Benson: That's a practical philosophy,
and it wraps onto a second line.

**Travis Fischer**: Thanks, Chris.

Chris Benson: \\[01:02:03\\] Last word.

**Daniel Whitenack:**

\\[01:05:00\\] An empty label still opens the turn: thanks for listening.
`;

const META = {
  title: 'Practical AI 222',
  url: 'https://www.youtube.com/watch?v=abc123',
  language: 'en',
  host: 'Daniel Whitenack',
  guest: 'Travis Fischer',
  speakers: { 'Chris Benson': 'host' },
};

describe('speaker-labelled Markdown', () => {
  it('reads turns, continuation paragraphs, timestamps and markers from a BOM + CRLF file', () => {
    const text = withBomAndCrlf(EPISODE);
    const dir = writeCorpus({ 'ep.md': text, 'ep.meta.json': META });
    const source = loadCorpus(dir).sources[0]!;
    // The loader's UTF-8 decoding drops the byte-order mark; everything else is kept byte for byte.
    expect(source.text).toBe(text.slice(1));
    expectExactSlices(source);

    const rows = source.passages.map((p) => [p.role, p.speaker, p.turn, p.line, p.time ?? null, p.text.slice(0, 24)]);
    expect(rows).toEqual([
      ['heading', null, null, 1, null, 'Practical AI 222: Start '],
      ['host', 'Daniel Whitenack', 1, 3, null, 'Welcome to another episo'],
      ['guest', 'Travis Fischer', 2, 5, null, 'Thanks for having me. It'],
      ['host', 'Daniel Whitenack', 3, 7, 130, 'You posted a diagram abo'],
      ['guest', 'Travis Fischer', 4, 9, 130, 'Start simple is the main'],
      // The continuation paragraph stays in Travis's turn; its leading timestamp is a time, not words.
      ['guest', 'Travis Fischer', 4, 11, 292, 'Only move down the ladde'],
      // "\[laughter\]" alone is nobody's words and makes no passage; the break is narration.
      ['narration', null, null, 15, 360, 'to \\[07:30\\]'],
      ['host', 'Chris Benson', 5, 17, 450, "That's a practical philo"],
      ['guest', 'Travis Fischer', 6, 20, 450, 'Thanks, Chris.'],
      ['host', 'Chris Benson', 7, 22, 3723, 'Last word.'],
      ['host', 'Daniel Whitenack', 8, 26, 3900, 'An empty label still ope'],
    ]);
    expect(source.passages[7]!.text).toBe("That's a practical philosophy,\r\nand it wraps onto a second line.");

    const continuation = source.passages[5]!;
    expect(continuation.sentences.map((s) => [s.text, s.time])).toEqual([
      ['Only move down the ladder of complexity when you hit a constraint.', 292],
      ['You \\[unintelligible 00:05:01.13\\] find that prompts are enough.', 292],
      ['Then measure.', 301.13],
    ]);
  });

  it('infers metadata for a transcript without a meta file: title from the first heading, no guest', () => {
    const dir = writeCorpus({ 'practical-ai-222.md': EPISODE });
    const source = loadCorpus(dir).sources[0]!;
    expect(source.meta.title).toBe('Practical AI 222: Start simple');
    expect(source.meta.guest).toBeNull();
    // Speakers are named faithfully from their labels; with no metadata no one is host or guest.
    const travis = source.passages.filter((p) => p.speaker === 'Travis Fischer');
    expect(travis.length).toBe(4);
    expect(new Set(travis.map((p) => p.role))).toEqual(new Set(['other']));
  });

  it('takes the file name as title when there is no heading, and plain "Name:" labels used twice', () => {
    const dir = writeCorpus({
      'chat.md': 'Ada Lovelace: Engines can weave patterns.\n\nCharles Babbage: Indeed.\n\nAda Lovelace: Note: this is not a label.\n\nCharles Babbage: Quite.\n\n**Note: bold text is not a label.**\n',
    });
    const source = loadCorpus(dir).sources[0]!;
    expect(source.meta.title).toBe('chat');
    expect(source.passages.map((p) => [p.speaker, p.text])).toEqual([
      ['Ada Lovelace', 'Engines can weave patterns.'],
      ['Charles Babbage', 'Indeed.'],
      ['Ada Lovelace', 'Note: this is not a label.'],
      ['Charles Babbage', 'Quite.'],
      // Not a name: the paragraph continues Charles's turn.
      ['Charles Babbage', '**Note: bold text is not a label.**'],
    ]);
  });

  it('reports a malformed timestamp with its file and line', () => {
    const bad = EPISODE.replace('\\[04:52\\]', '\\[04:75\\]');
    const dir = writeCorpus({ 'ep.md': withBomAndCrlf(bad), 'ep.meta.json': META });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.file).toBe('ep.md');
    expect(err.line).toBe(11);
    expect(err.message).toMatch(/malformed timestamp/);
  });
});
