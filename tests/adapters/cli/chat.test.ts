import { PassThrough, Readable } from 'node:stream';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatLoop } from '../../../src/adapters/cli/commands/chat.ts';
import type { GomezCore } from '../../../src/core.ts';
import { createCore } from '../../../src/create-core.ts';
import { readEnv } from '../../../src/config/env.ts';

let core: GomezCore;
beforeAll(async () => {
  core = await createCore({ corpusDir: resolve('corpus'), env: readEnv({}) });
});

async function chat(lines: string[]): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c) => (text += c));
  await chatLoop(core, { stdout: out, stderr: new PassThrough() }, Readable.from(lines.map((l) => l + '\n')));
  return text;
}

describe('gomez chat', () => {
  it('answers questions as the bot would and pages further quotes with /more', async () => {
    const text = await chat(['What did Gomez say about synthetic data?', '/more', '/quit', 'never read']);
    expect(text).toContain('— Aidan Gomez');
    expect(text).toContain('More quotes:');
    expect(text).not.toContain('never read');
  });

  it('keeps going after bad input and unknown commands', async () => {
    const text = await chat(['\u0007\u0000', '/bogus', '/quotes', 'x'.repeat(10_000), 'What did Gomez say about robotics?']);
    expect(text).toContain('Unknown command /bogus');
    expect(text).toContain('Which topic?');
    expect(text).toContain('机器人');
    expect(text).toContain('under 1,000');
  });
});
