import { PassThrough } from 'node:stream';
import { ConfigError } from '../../../src/errors.ts';
import { describe, expect, it } from 'vitest';
import { runServe, startPlatforms } from '../../../src/adapters/cli/commands/serve.ts';
import { readEnv } from '../../../src/config/env.ts';
import { setLogLevel } from '../../../src/log.ts';
import { FakeDiscord } from '../../fakes/discord/server.ts';
import { createTestState } from '../../store/test-store.ts';
import { testCore } from '../slack/test-core.ts';

describe('gomez serve', () => {
  it('with no tokens, no PORT and no terminal or pipe on stdin (a container without -i) fails naming the variables it looked for', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', LOG_LEVEL: 'silent' });
    delete process.env.PORT;
    try {
      const io = { stdout: new PassThrough(), stderr: new PassThrough() };
      // Not process.stdin and not a terminal: what /dev/null looks like to the console.
      const stdin = Object.assign(new PassThrough(), { isTTY: false });
      const failure = runServe([], io, stdin);
      await expect(failure).rejects.toBeInstanceOf(ConfigError);
      await expect(failure).rejects.toThrow(/DISCORD_TOKEN.*SLACK_BOT_TOKEN.*SLACK_APP_TOKEN/);
    } finally {
      process.env = saved;
    }
  });

  it('in Discord gateway mode answers /healthz on PORT while the gateway is connected', async () => {
    setLogLevel('silent');
    const fake = await FakeDiscord.start();
    const state = await createTestState({ prefix: 'gomez-serve-' });
    const env = readEnv({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, PORT: '0', LOG_LEVEL: 'silent', ...state.env });
    const running = await startPlatforms(await testCore(), { env, corpusDir: 'corpus', dataDir: state.dataDir }, { discord: true, slack: false }, { host: '127.0.0.1' });
    try {
      const port = running.find((r) => r.healthPort !== undefined)?.healthPort;
      expect(port).toBeGreaterThan(0);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.text()).toBe('ok');
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      await Promise.allSettled(running.map((r) => r.stop()));
      await fake.close();
      await state.dispose();
    }
  });

  it('with DISCORD_PUBLIC_KEY answers signed interactions at /discord/interactions on PORT and opens no gateway connection', async () => {
    setLogLevel('silent');
    const fake = await FakeDiscord.start();
    const state = await createTestState({ prefix: 'gomez-serve-' });
    const env = readEnv({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_PUBLIC_KEY: fake.publicKeyHex, PORT: '0', LOG_LEVEL: 'silent', ...state.env });
    const running = await startPlatforms(await testCore(), { env, corpusDir: 'corpus', dataDir: state.dataDir }, { discord: true, slack: false }, { host: '127.0.0.1' });
    try {
      const port = running.find((r) => r.healthPort !== undefined)?.healthPort;
      const ping = { id: '1234567890', token: 'ping', type: 1, application_id: fake.applicationId, version: 1 };
      expect(await fake.postInteraction(`http://127.0.0.1:${port}/discord/interactions`, ping)).toMatchObject({ status: 200, body: { type: 1 } });
      expect((await fake.postInteraction(`http://127.0.0.1:${port}/discord/interactions`, ping, { signature: 'bad' })).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect(fake.gatewayConnections).toBe(0);
    } finally {
      await Promise.allSettled(running.map((r) => r.stop()));
      await fake.close();
      await state.dispose();
    }
  });

  it('rejects a malformed DISCORD_PUBLIC_KEY, naming it', () => {
    expect(() => readEnv({ DISCORD_PUBLIC_KEY: 'not-a-key' })).toThrow(/DISCORD_PUBLIC_KEY/);
  });
});
