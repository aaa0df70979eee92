import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../fakes/slack/index.ts';

/** Runs `gomez slack` with only the given environment; resolves with its exit code and stderr. */
function runGomezSlack(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/gomez.js', 'slack', '--corpus', 'corpus'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', DATA_DIR: process.env.DATA_DIR ?? '', GOMEZ_FROM_SOURCE: '1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('gomez slack: start-up failures exit non-zero naming the variable', () => {
  let fake: FakeSlack;
  let dataDir: string;
  beforeAll(async () => {
    fake = await FakeSlack.start();
    dataDir = mkdtempSync(join(tmpdir(), 'gomez-slack-cli-'));
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a bot token Slack rejects (invalid_auth)', async () => {
    const { code, stderr } = await runGomezSlack({
      SLACK_BOT_TOKEN: 'xoxb-revoked-token',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
    });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/SLACK_BOT_TOKEN was rejected by Slack \(invalid_auth\)/);
    expect(stderr).not.toContain('xoxb-revoked-token');
    expect(fake.callsTo('auth.test').length).toBeGreaterThan(0);
  });

  it('a missing SLACK_SIGNING_SECRET', async () => {
    const { code, stderr } = await runGomezSlack({ SLACK_BOT_TOKEN: 'xoxb-fake-bot-token', SLACK_API_URL: fake.apiUrl, DATA_DIR: dataDir });
    expect(code).not.toBe(0);
    expect(stderr).toContain('SLACK_SIGNING_SECRET');
  });
});
