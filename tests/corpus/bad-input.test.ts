import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { userMessageFor } from '../../src/errors.ts';
import { corpusErrorFrom, jsonl, QA_META, REPO_CORPUS, removeFixtures, snapshot, writeCorpus } from './fixtures.ts';

afterEach(removeFixtures);

/** A small, valid qa-article transcript with a continuation line and a heading. */
const GOOD = ['Q:你喜欢游戏吗?', 'Aidan Gomez:我确实喜欢游戏。', '课程学习很有趣。', '数据质量不能忽视', 'Q:为什么?'].join('\n');
const GOOD_EN = jsonl([
  { line: 1, text: '你喜欢游戏吗?', en: 'Do you like games?' },
  { line: 2, text: '我确实喜欢游戏。', en: 'I do like games.' },
  { line: 3, text: '课程学习很有趣。', en: 'Curriculum learning is interesting.' },
  { line: 5, text: '为什么?', en: 'Why?' },
]);

describe('a valid fixture corpus', () => {
  it('loads (the baseline the bad inputs below differ from)', () => {
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': QA_META, 'a.en.jsonl': GOOD_EN });
    const passages = loadCorpus(dir).passages;
    expect(passages.map((p) => [p.line, p.role, p.turn])).toEqual([
      [1, 'host', 1],
      [2, 'guest', 2],
      [3, 'guest', 2],
      [4, 'heading', null],
      [5, 'host', 3],
    ]);
    expect(passages[0]!.sourceId).toBe('a');
  });
});

describe('bad corpus input stops loading with a CorpusError naming file and line', () => {
  it('an empty transcript', () => {
    const dir = writeCorpus({ 'a.txt': '', 'a.meta.json': QA_META });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.file).toBe('a.txt');
    expect(err.message).toMatch(/a\.txt.*empty/);
  });

  it('a transcript of blank lines only', () => {
    const dir = writeCorpus({ 'a.txt': '\n  \r\n\n', 'a.meta.json': QA_META });
    expect(corpusErrorFrom(() => loadCorpus(dir)).message).toMatch(/a\.txt.*empty/);
  });

  it('a corpus directory with no transcript, or no directory at all', () => {
    // Metadata alone is no transcript, and dot files are ignored.
    const dir = writeCorpus({ 'a.meta.json': QA_META, '.draft.txt': 'Q:你好?' });
    expect(corpusErrorFrom(() => loadCorpus(dir)).message).toContain('no transcript files');
    expect(corpusErrorFrom(() => loadCorpus(dir + '/missing')).message).toContain('does not exist');
  });

  it('an unlabelled line before any turn', () => {
    const dir = writeCorpus({ 'a.txt': '这是一段没有说话人的话。\n' + GOOD, 'a.meta.json': QA_META });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.line).toBe(1);
    expect(err.message).toContain('a.txt:1');
    expect(err.message).toContain('unlabelled line');
  });

  it('an unpunctuated line that is neither a heading before a turn nor inside one', () => {
    const dir = writeCorpus({ 'a.txt': '孤立的标题\n\n这句话没有人说。\nQ:问题?', 'a.meta.json': QA_META });
    expect(corpusErrorFrom(() => loadCorpus(dir)).message).toContain('a.txt:1');
  });

  it('a speaker label with nothing after it', () => {
    const dir = writeCorpus({ 'a.txt': 'Q:你好?\nAidan Gomez:  \nQ:再见?', 'a.meta.json': QA_META });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.message).toContain('a.txt:2');
  });

  it('invalid JSON in the metadata', () => {
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': '{"title": "x",' });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.file).toBe('a.meta.json');
    expect(err.message).toMatch(/a\.meta\.json.*not valid JSON/);
  });

  it('metadata missing a required field', () => {
    const { title: _title, ...noTitle } = QA_META;
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': noTitle });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.message).toMatch(/a\.meta\.json: title/);
  });

  it('metadata with a malformed field', () => {
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': { ...QA_META, narrationLines: ['one-two'] } });
    expect(corpusErrorFrom(() => loadCorpus(dir)).message).toMatch(/a\.meta\.json: narrationLines/);
  });

  it('an unknown transcript format', () => {
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': { ...QA_META, format: 'srt-v9' } });
    expect(corpusErrorFrom(() => loadCorpus(dir)).message).toMatch(/a\.txt.*unknown transcript format "srt-v9"/);
  });

  it('a format named like an Object member ("constructor") is an unknown format', () => {
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': { ...QA_META, format: 'constructor' } });
    expect(corpusErrorFrom(() => loadCorpus(dir)).message).toMatch(/a\.txt.*unknown transcript format "constructor"/);
  });

  it('invalid UTF-8 bytes, naming the line they are on', () => {
    const bytes = Buffer.concat([Buffer.from('Q:你好?\nAidan Gomez:好。\nQ:坏'), Buffer.from([0xff, 0xfe]), Buffer.from('字?\n')]);
    const dir = writeCorpus({ 'a.txt': bytes, 'a.meta.json': QA_META });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/a\.txt:3.*UTF-8/);
  });

  it('a translation line that is not JSON', () => {
    const bad = GOOD_EN.replace('{"line":2', '{line:2');
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': QA_META, 'a.en.jsonl': bad });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.file).toBe('a.en.jsonl');
    expect(err.message).toMatch(/a\.en\.jsonl:2.*not valid JSON/);
  });

  it('a translation line missing its English', () => {
    const bad = GOOD_EN.replace(',"en":"Why?"', '');
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': QA_META, 'a.en.jsonl': bad });
    expect(corpusErrorFrom(() => loadCorpus(dir)).message).toMatch(/a\.en\.jsonl:4: en/);
  });

  it('a translation for a sentence that does not exist', () => {
    const extra = GOOD_EN + jsonl([{ line: 2, text: '我从没说过这句话。', en: 'I never said this.' }]);
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': QA_META, 'a.en.jsonl': extra });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.line).toBe(5);
    expect(err.message).toMatch(/a\.en\.jsonl:5.*matches no host, guest or heading sentence/);
  });

  it('a translation whose sentence is edited (stale translation)', () => {
    const stale = GOOD_EN.replace('我确实喜欢游戏。', '我确实喜欢游戏!');
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': QA_META, 'a.en.jsonl': stale });
    expect(corpusErrorFrom(() => loadCorpus(dir)).message).toContain('a.en.jsonl');
  });

  it('the same sentence translated twice', () => {
    const twice = GOOD_EN + jsonl([{ line: 5, text: '为什么?', en: 'How come?' }]);
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': QA_META, 'a.en.jsonl': twice });
    expect(corpusErrorFrom(() => loadCorpus(dir)).message).toMatch(/a\.en\.jsonl:5.*twice/);
  });

  it('a missing translation, naming the source line and sentence', () => {
    const missing = GOOD_EN.split('\n').filter((l) => !l.includes('"line":3')).join('\n');
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': QA_META, 'a.en.jsonl': missing });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.message).toMatch(/a\.en\.jsonl.*source line 3.*课程学习很有趣。/);
  });

  it('two transcripts with the same source id', () => {
    const meta = { ...QA_META, id: 'same-interview' };
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': meta, 'b.txt': GOOD, 'b.meta.json': meta });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.message).toMatch(/b\.txt.*duplicate source id "same-interview"/);
  });

  it('gives users a safe message that still names the file', () => {
    const dir = writeCorpus({ 'a.txt': '', 'a.meta.json': QA_META });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(userMessageFor(err)).toMatch(/^The corpus file a\.txt is malformed/);
  });
});

describe('tolerated encodings', () => {
  it('a UTF-8 BOM and CRLF line ends parse with correct offsets', () => {
    const text = '\uFEFF' + GOOD.split('\n').join('\r\n') + '\r\n';
    const dir = writeCorpus({ 'a.txt': text, 'a.meta.json': QA_META, 'a.en.jsonl': GOOD_EN });
    const source = loadCorpus(dir).sources[0]!;
    expect(source.passages.map((p) => [p.line, p.role, p.turn])).toEqual([
      [1, 'host', 1],
      [2, 'guest', 2],
      [3, 'guest', 2],
      [4, 'heading', null],
      [5, 'host', 3],
    ]);
    expect(source.passages.map((p) => p.text)).toEqual(['你喜欢游戏吗?', '我确实喜欢游戏。', '课程学习很有趣。', '数据质量不能忽视', '为什么?']);
    for (const p of source.passages) {
      expect(source.text.slice(p.start, p.end)).toBe(p.text);
      for (const s of p.sentences) expect(source.text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(source.text).not.toContain('\uFEFF');
    expect(source.passages[2]!.sentences[0]!.translation).toBe('Curriculum learning is interesting.');
  });
});

describe('loading never writes', () => {
  it('leaves the repository corpus untouched', () => {
    const before = snapshot(REPO_CORPUS);
    loadCorpus(REPO_CORPUS);
    expect(snapshot(REPO_CORPUS)).toEqual(before);
  });

  it('leaves a bad corpus untouched when it fails', () => {
    const dir = writeCorpus({ 'a.txt': GOOD, 'a.meta.json': QA_META, 'a.en.jsonl': GOOD_EN + '{oops\n' });
    const before = snapshot(dir);
    corpusErrorFrom(() => loadCorpus(dir));
    expect(snapshot(dir)).toEqual(before);
  });
});
