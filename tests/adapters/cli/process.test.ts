import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../../bin/gomez.js', import.meta.url));

describe('the gomez executable', () => {
  it('runs `ask --json` as a whole process with only JSON on stdout', async () => {
    const { stdout } = await run(process.execPath, [bin, 'ask', 'Who sits on Cohere’s board?', '--json'], {
      env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' },
    });
    const answer = JSON.parse(stdout);
    expect(answer.answered).toBe(true);
    expect(answer.quotes[0].speaker).toBe('Aidan Gomez');
  });

  it('exits non-zero naming a malformed variable', async () => {
    const failed = await run(process.execPath, [bin, 'ask', 'x', '--json'], { env: { ...process.env, PORT: 'eighty' } }).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('PORT');
  });
});
