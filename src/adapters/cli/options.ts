import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readEnv, type Env } from '../../config/env.ts';
import type { GomezCore } from '../../core.ts';
import { createCore } from '../../create-core.ts';
import { InputError } from '../../errors.ts';

/** The package root (where the embedded corpus/ and prompts/ live), whatever the working directory. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** What every command shares: the environment, the corpus and data locations. */
export interface CommandContext {
  env: Env;
  corpusDir: string;
  dataDir: string;
}

/**
 * `--corpus DIR`, else CORPUS_DIR, else ./corpus in the working directory when there is one, else the
 * corpus shipped with the package (so `npx gomez` works from anywhere).
 */
export function resolveCorpusDir(flag: string | undefined, env: Env): string {
  if (flag) return resolve(flag);
  if (env.CORPUS_DIR) return resolve(env.CORPUS_DIR);
  const local = resolve('corpus');
  return existsSync(local) ? local : resolve(PACKAGE_ROOT, 'corpus');
}

export function resolveDataDir(env: Env): string {
  return resolve(env.DATA_DIR ?? 'data');
}

export function contextFrom(corpusFlag: string | undefined): CommandContext {
  const env = readEnv();
  return { env, corpusDir: resolveCorpusDir(corpusFlag, env), dataDir: resolveDataDir(env) };
}

/** parseArgs with `--corpus` always accepted and unknown options reported as a usage error. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, corpus: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\nusage: ${usage}`);
  }
}

/** A command line that cannot be understood: printed with the usage, exit code 2. */
export class UsageError extends InputError {}

/** The bot core for a command, over the context's corpus, environment and data directory. */
export function openCore(ctx: CommandContext): Promise<GomezCore> {
  return createCore({ corpusDir: ctx.corpusDir, env: ctx.env, dataDir: ctx.dataDir });
}
