#!/usr/bin/env node
// Runs the TypeScript CLI straight from src/ (no build step in a checkout); tsx compiles on the fly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/adapters/cli/main.ts');
const code = await main(process.argv.slice(2));
// Exit once stdout has drained, so piped --json output is never cut and no idle handle keeps us alive.
process.stdout.write('', () => process.exit(code));
