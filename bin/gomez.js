#!/usr/bin/env node
// Runs the TypeScript CLI straight from src/ (no build step in a checkout); tsx compiles on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../src/adapters/cli/main.ts');
