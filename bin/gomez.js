#!/usr/bin/env node
// The gomez CLI. Runs the compiled JavaScript in dist/ when it is there and up to date (`npm ci` builds
// it through the "prepare" script; `npm run build`; the Docker image), else the TypeScript in src/
// through tsx, so `npx gomez` works in any checkout. A source file changed after the build makes it run
// the sources, so an edit is never hidden by a stale dist/. GOMEZ_FROM_SOURCE=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';

const compiled = new URL('../dist/adapters/cli/main.js', import.meta.url);
const stamp = new URL('../dist/.built', import.meta.url);

/** The newest modification time under a folder (src/ holds a few hundred files: a few milliseconds). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function distIsCurrent() {
  if (!existsSync(compiled)) return false;
  // Without a stamp (`tsc -p tsconfig.build.json` by hand, the Docker build) dist/ is taken as built on purpose.
  if (!existsSync(stamp)) return true;
  const sources = new URL('../src/', import.meta.url);
  return !existsSync(sources) || newest(sources) <= statSync(stamp).mtimeMs;
}

const useDist = process.env.GOMEZ_FROM_SOURCE !== '1' && distIsCurrent();
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
