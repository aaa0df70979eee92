import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/server.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

function gomezDiscord(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/gomez.js', 'discord'], {
      cwd: repo,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', DATA_DIR: process.env.DATA_DIR ?? '', GOMEZ_FROM_SOURCE: '1', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('`gomez discord` exits non-zero naming DISCORD_TOKEN', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => fake?.close());

  it('when Discord rejects the token (401)', async () => {
    const rejected = await gomezDiscord({ DISCORD_TOKEN: 'revoked-token', DISCORD_API_URL: fake.apiUrl });
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/DISCORD_TOKEN was rejected by Discord \(401/);
    expect(rejected.stderr).not.toContain('revoked-token');
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toContain('GET /gateway/bot');
  });
});
