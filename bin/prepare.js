#!/usr/bin/env node
// `npm ci` / `npm install` in a checkout run this (the "prepare" script): it compiles src/ to dist/ so
// `npx gomez` starts as plain JavaScript instead of compiling TypeScript on every run. Where TypeScript
// is not installed (a production install with --omit=dev, which builds dist/ in its own step) it does
// nothing. A failed build is reported and leaves no dist/, so the CLI falls back to the sources.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.log('gomez: TypeScript is not installed here; skipping the build (the CLI runs dist/ or the sources).');
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
  console.error('gomez: building dist/ failed; `npx gomez` will run the TypeScript sources instead.');
  process.exit(0);
}
// The stamp's time is the build's: sources edited after it make the CLI run them instead of dist/.
writeFileSync(new URL('../dist/.built', import.meta.url), `${new Date().toISOString()}\n`);
