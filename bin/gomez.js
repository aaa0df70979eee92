#!/usr/bin/env node
// The gomez CLI. Runs the compiled JavaScript in dist/ when it is there (`npm run build`; the Docker
// image and production installs), else the TypeScript in src/ through tsx, so `npx gomez` works in a
// fresh checkout with no build step. GOMEZ_FROM_SOURCE=1 forces the sources (e.g. after editing them
// without rebuilding).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/adapters/cli/main.js', import.meta.url);
const useDist = existsSync(compiled) && process.env.GOMEZ_FROM_SOURCE !== '1';
let main;
if (useDist) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/adapters/cli/main.ts'));
}
const code = await main(process.argv.slice(2));
// Exit once stdout has drained, so piped --json output is never cut and no idle handle keeps us alive.
process.stdout.write('', () => process.exit(code));
