import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Beside dist/ (same depth), so the compiled code finds prompts/ and corpus/ as dist/ does.
const OUT = join(ROOT, `dist-test-${process.pid}`);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('the production build (tsconfig.build.json)', () => {
  it('compiles src/ to JavaScript that answers `ask --json` with plain node', { timeout: 300_000 }, async () => {
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', OUT], { cwd: ROOT });
    const main = join(OUT, 'adapters/cli/main.js');
    expect(existsSync(main)).toBe(true);
    const script = `const { main } = await import(${JSON.stringify(new URL(`file://${main}`).href)}); process.exitCode = await main(['ask', 'What did Gomez say about synthetic data?', '--json']);`;
    // No tsx loader: plain node must be able to run what the build produced.
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: process.env.DATA_DIR ?? '', LOG_LEVEL: 'silent' },
    });
    const answer = JSON.parse(stdout);
    expect(answer.answered).toBe(true);
    expect(answer.quotes[0].speaker).toBe('Aidan Gomez');
  });
});
