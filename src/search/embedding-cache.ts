import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { log } from '../log.ts';

const CacheLine = z.object({ key: z.string(), vector: z.array(z.number()) });

/** Cache key of one text under one embeddings model: the same text embedded by another model is a miss. */
export function embeddingKey(model: string, text: string): string {
  return `${model}:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * Embedding vectors on disk, one JSON line per vector, so a restart does not re-embed the corpus.
 * Append-only: a crash can at worst leave a torn last line, which is skipped on the next load.
 */
export class EmbeddingCache {
  private readonly vectors = new Map<string, number[]>();

  /** `file` null keeps vectors in memory only (no DATA_DIR). */
  constructor(readonly file: string | null) {
    if (file === null || !existsSync(file)) return;
    let skipped = 0;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        skipped++;
        continue;
      }
      const parsed = CacheLine.safeParse(json);
      if (parsed.success) this.vectors.set(parsed.data.key, parsed.data.vector);
      else skipped++;
    }
    if (skipped) log.warn('embedding cache: skipped unreadable lines', { file, skipped });
  }

  get size(): number {
    return this.vectors.size;
  }

  get(model: string, text: string): number[] | undefined {
    return this.vectors.get(embeddingKey(model, text));
  }

  /** Stores new vectors in memory and appends them to the file. */
  putMany(model: string, entries: Array<{ text: string; vector: number[] }>): void {
    if (!entries.length) return;
    const lines = entries.map(({ text, vector }) => {
      const key = embeddingKey(model, text);
      this.vectors.set(key, vector);
      return JSON.stringify({ key, vector });
    });
    if (this.file === null) return;
    mkdirSync(dirname(this.file), { recursive: true });
    appendFileSync(this.file, lines.join('\n') + '\n');
  }
}
