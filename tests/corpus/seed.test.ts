import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus, Passage, Source } from '../../src/corpus/types.ts';
import { REPO_CORPUS, SEED } from './fixtures.ts';

/** The seed as published (../shared/seeds), pinned here so the test needs no shared folder. */
const SEED_SHA256 = 'eabf59c8ea4634cd62cbf16dfdeaecd56dfce7f0b58d90777930c7a9ea5bc799';
const SEED_BYTES = 21539;

const NARRATION_LINES = [...range(1, 12), ...range(150, 152)];
const HEADING_LINES = [13, 54, 74, 99, 116, 124];

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

let corpus: Corpus;
let source: Source;
let fileLines: string[];
const at = (line: number): Passage => {
  const p = source.passages.find((x) => x.line === line);
  if (!p) throw new Error(`no passage on line ${line}`);
  return p;
};

beforeAll(() => {
  corpus = loadCorpus(REPO_CORPUS);
  source = corpus.sources[0]!;
  fileLines = readFileSync(join(REPO_CORPUS, `${SEED}.txt`), 'utf8').split('\n');
});

describe('seed transcript file', () => {
  it('is the published seed, byte for byte', () => {
    const bytes = readFileSync(join(REPO_CORPUS, `${SEED}.txt`));
    expect(bytes.length).toBe(SEED_BYTES);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(SEED_SHA256);
  });

  it('is loaded as exactly the file text (no normalisation)', () => {
    const bytes = readFileSync(join(REPO_CORPUS, `${SEED}.txt`));
    expect(Buffer.from(source.text, 'utf8').equals(bytes)).toBe(true);
  });

  it('carries the metadata the issue asks for', () => {
    expect(corpus.sources).toHaveLength(1);
    expect(source.path).toBe(`${SEED}.txt`);
    expect(source.meta).toMatchObject({
      host: 'Harry Stebbings',
      guest: 'Aidan Gomez',
      language: 'zh',
      url: 'https://www.youtube.com/watch?v=FUGosOgiTeI',
      format: 'qa-article',
    });
    expect(source.meta.title.length).toBeGreaterThan(0);
  });
});

describe('qa-article parser on the seed', () => {
  it('makes one passage per non-empty line, in order', () => {
    expect(source.passages).toHaveLength(fileLines.filter((l) => l.trim() !== '').length);
    expect(source.passages.map((p) => p.line)).toEqual(range(1, 152));
    source.passages.forEach((p, i) => {
      expect(p.index).toBe(i);
      expect(p.id).toBe(`${source.meta.id}#${i}`);
    });
  });

  it('marks the introduction and the closing credits as narration, and nothing else', () => {
    const narration = source.passages.filter((p) => p.role === 'narration').map((p) => p.line);
    expect(narration).toEqual(NARRATION_LINES);
    for (const line of NARRATION_LINES) {
      expect(at(line).speaker).toBeNull();
      expect(at(line).turn).toBeNull();
    }
  });

  it("finds exactly the editors' headings, each a single sentence with no speaker", () => {
    const headings = source.passages.filter((p) => p.role === 'heading');
    expect(headings.map((p) => p.line)).toEqual(HEADING_LINES);
    for (const h of headings) {
      expect(h.speaker).toBeNull();
      expect(h.turn).toBeNull();
      expect(h.sentences).toHaveLength(1);
      expect(h.text).toBe(fileLines[h.line - 1]);
    }
    expect(at(54).text).toBe('只卖模型,玩不过OpenAI');
  });

  it('gives each passage the heading above it as its section', () => {
    expect(at(14).section).toBe(at(13).text);
    expect(at(53).section).toBe(at(13).text);
    expect(at(55).section).toBe(at(54).text);
    expect(at(149).section).toBe(at(124).text);
    expect(at(5).section).toBeUndefined();
  });

  it('attributes every "Q:" turn to the host, Harry Stebbings, without the label', () => {
    const qLines = fileLines.flatMap((l, i) => (l.startsWith('Q:') ? [i + 1] : []));
    expect(qLines).toHaveLength(37);
    for (const line of qLines) {
      const p = at(line);
      expect(p.role).toBe('host');
      expect(p.speaker).toBe('Harry Stebbings');
      expect(fileLines[line - 1]!.endsWith(p.text)).toBe(true);
      expect(p.text.startsWith('Q:')).toBe(false);
    }
  });

  it('attributes every "Aidan Gomez:" turn to the guest, without the label', () => {
    const aLines = fileLines.flatMap((l, i) => (l.startsWith('Aidan Gomez:') ? [i + 1] : []));
    expect(aLines).toHaveLength(37);
    for (const line of aLines) {
      const p = at(line);
      expect(p.role).toBe('guest');
      expect(p.speaker).toBe('Aidan Gomez');
      expect(p.text).toBe(fileLines[line - 1]!.slice('Aidan Gomez:'.length));
    }
  });

  it('continues the turn before an unlabelled line', () => {
    expect(at(18)).toMatchObject({ role: 'guest', speaker: 'Aidan Gomez', turn: at(17).turn });
    expect(at(19).turn).toBe(at(17).turn);
    // Gomez's own rhetorical questions stay his: line 60 belongs to the turn that starts on line 56.
    expect(at(60)).toMatchObject({ role: 'guest', speaker: 'Aidan Gomez', turn: at(56).turn });
    // The host's two-line question: 126 has no label and end punctuation is missing on 125.
    expect(at(125).role).toBe('host');
    expect(at(126)).toMatchObject({ role: 'host', speaker: 'Harry Stebbings', turn: at(125).turn });
    expect(at(127)).toMatchObject({ role: 'guest', turn: at(125).turn! + 1 });
  });

  it('numbers turns from 1, one more at every label, never going back', () => {
    const labelled = fileLines.filter((l) => l.startsWith('Q:') || l.startsWith('Aidan Gomez:')).length;
    let last = 0;
    for (const p of source.passages) {
      if (p.turn === null) continue;
      const labelLine = fileLines[p.line - 1]!;
      const startsTurn = labelLine.startsWith('Q:') || labelLine.startsWith('Aidan Gomez:');
      expect(p.turn).toBe(startsTurn ? last + 1 : last);
      last = p.turn;
    }
    expect(last).toBe(labelled);
    expect(at(14).turn).toBe(1);
    expect(at(15).turn).toBe(2);
  });

  it('only ever has the two speakers in turns', () => {
    for (const p of source.passages.filter((x) => x.turn !== null)) {
      expect(['host', 'guest']).toContain(p.role);
      expect(p.speaker).toBe(p.role === 'host' ? 'Harry Stebbings' : 'Aidan Gomez');
    }
  });

  it('keeps every passage and sentence an exact slice of the source, in order and inside its passage', () => {
    let sentences = 0;
    for (const p of source.passages) {
      expect(p.text).toBe(source.text.slice(p.start, p.end));
      expect(p.text).toBe(p.text.trim());
      let prev = p.start;
      for (const s of p.sentences) {
        expect(s.text).toBe(source.text.slice(s.start, s.end));
        expect(s.start).toBeGreaterThanOrEqual(prev);
        expect(s.end).toBeLessThanOrEqual(p.end);
        expect(s.text.length).toBeGreaterThan(0);
        prev = s.end;
        sentences++;
      }
      // Sentences cover the passage: joined with what lies between them, they give the passage back.
      expect(source.text.slice(p.sentences[0]!.start, p.sentences.at(-1)!.end)).toBe(p.text);
    }
    expect(sentences).toBeGreaterThan(source.passages.length);
  });

  it('splits host and guest lines into the 248 sentences the translation is aligned to', () => {
    const spoken = source.passages.filter((p) => p.role === 'host' || p.role === 'guest');
    expect(spoken.flatMap((p) => p.sentences)).toHaveLength(248);
    expect(at(17).sentences.map((s) => s.text)).toEqual([
      '是的,这在机器学习中被称为“课程学习”。',
      '你要先教模型做一些非常简单的事情,然后逐步增加复杂性,基于已有的知识构建。',
    ]);
    expect(at(23).sentences[2]!.text).toBe('如GPT-4确实像他们所说的那样有1.7万亿参数,它是一个巨大的MoE。');
  });

  it('lists every passage of the source in the corpus, and hashes the corpus files', () => {
    expect(corpus.passages).toEqual(source.passages);
    expect(corpus.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
