import { fileURLToPath } from 'node:url';
import { readEnv } from '../../src/config/env.ts';
import type { GomezCore } from '../../src/core.ts';
import { createCore } from '../../src/create-core.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));

/** The real extractive core over the repository's corpus (no model, no network). */
export function extractiveCore(env: Record<string, string> = {}): Promise<GomezCore> {
  return createCore({ corpusDir: CORPUS_DIR, env: readEnv(env) });
}
