/**
 * The saved passage index: built once (`gomez index` or the first start-up), then loaded at start-up
 * while the corpus is unchanged. The file is keyed by the corpus content hash and the index format
 * version, checksummed, and written atomically; anything wrong with it (missing, truncated, corrupt,
 * built by another version or for another corpus) means a rebuild, never a wrong answer.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Corpus } from '../corpus/types.ts';
import { log } from '../log.ts';
import { readChunkedJson, writeChunkedJson } from './chunked-json.ts';
import { INDEX_VERSION, PassageIndex, type BuildOptions } from './passage-index.ts';

/** Where state lives when DATA_DIR is not set (the CLI's default too). */
export const DEFAULT_DATA_DIR = 'data';

const PREFIX = 'passages-v';

/** DATA_DIR, else ./data (resolved against the working directory). */
export function resolveDataDir(dataDir?: string): string {
  return resolve(dataDir && dataDir.trim() !== '' ? dataDir : DEFAULT_DATA_DIR);
}

/** The file the index of a corpus with this hash is saved to. */
export function indexCachePath(dataDir: string, corpusHash: string): string {
  return join(resolveDataDir(dataDir), 'index', `${PREFIX}${INDEX_VERSION}-${corpusHash.slice(0, 40)}.jsonl`);
}

/**
 * The saved index for this corpus, or null when there is none or it cannot be trusted (an unusable
 * file is deleted so the next save replaces it).
 */
export function loadSavedIndex(corpus: Corpus, dataDir?: string): PassageIndex | null {
  const path = indexCachePath(resolveDataDir(dataDir), corpus.hash);
  if (!existsSync(path)) return null;
  try {
    return PassageIndex.fromJSON(readChunkedJson(path), corpus);
  } catch (error) {
    log.warn('the saved index cannot be used; rebuilding it', { path, reason: (error as Error).message });
    try {
      // recursive: a directory where the file should be (EISDIR) is cleared too, so the save can replace it.
      rmSync(path, { recursive: true, force: true });
    } catch (removeError) {
      log.warn('could not remove the unusable saved index', { path, reason: (removeError as Error).message });
    }
    return null;
  }
}

/** Saved indexes kept per data directory: the newest few (several corpora may share one DATA_DIR). */
const KEEP_SAVED = 3;

/** Saves an index (atomically) and prunes all but the newest saved indexes. Returns the path. */
export function saveIndex(index: PassageIndex, dataDir?: string): string {
  const path = indexCachePath(resolveDataDir(dataDir), index.corpus.hash);
  writeChunkedJson(path, index.toJSON());
  const dir = dirname(path);
  const saved = readdirSync(dir)
    .filter((name) => name.startsWith(PREFIX) && name.endsWith('.jsonl') && name !== basename(path))
    .map((name) => {
      try {
        return { name, mtime: statSync(join(dir, name)).mtimeMs };
      } catch {
        return null; // removed meanwhile by another process
      }
    })
    .filter((f): f is { name: string; mtime: number } => f !== null)
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of saved.slice(KEEP_SAVED - 1)) rmSync(join(dir, old.name), { force: true });
  return path;
}

export interface IndexLoadResult {
  index: PassageIndex;
  /** `loaded` from the saved file, or `built` from the corpus (and then saved, when possible). */
  origin: 'loaded' | 'built';
  path: string;
}

export interface LoadOrBuildOptions extends BuildOptions {
  dataDir?: string;
  /** Save a freshly built index (default true). */
  save?: boolean;
}

/** The saved index when it fits the corpus, else a new build (saved for next time). */
export function loadOrBuildIndex(corpus: Corpus, options: LoadOrBuildOptions = {}): IndexLoadResult {
  const path = indexCachePath(resolveDataDir(options.dataDir), corpus.hash);
  const saved = loadSavedIndex(corpus, options.dataDir);
  if (saved) return { index: saved, origin: 'loaded', path };
  const index = PassageIndex.build(corpus, options.onProgress ? { onProgress: options.onProgress } : {});
  if (options.save !== false) {
    try {
      saveIndex(index, options.dataDir);
    } catch (error) {
      // A read-only data directory must not stop the bot: it just rebuilds at the next start.
      log.warn('could not save the index', { path, reason: (error as Error).message });
    }
  }
  return { index, origin: 'built', path };
}
