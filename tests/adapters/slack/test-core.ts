import { readEnv } from '../../../src/config/env.ts';
import { wrapCore, type GomezCore } from '../../../src/core.ts';
import { createCore } from '../../../src/create-core.ts';

let shared: Promise<GomezCore> | undefined;

/**
 * The real core (src/create-core.ts) over the repo's corpus/, in extractive mode (no model, no network).
 * Built once per test file; each caller gets its own delegating object, so a test may replace `ask` or
 * `summarize` on it without affecting other tests.
 */
export async function testCore(): Promise<GomezCore> {
  shared ??= createCore({ corpusDir: 'corpus', env: readEnv({ LOG_LEVEL: 'silent' }) });
  const core = await shared;
  return wrapCore(core, {});
}
