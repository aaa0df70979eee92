import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDiscordCommands } from '../../../src/adapters/discord/index.ts';
import { readEnv } from '../../../src/config/env.ts';
import { ConfigError } from '../../../src/errors.ts';
import { FakeDiscord } from '../../fakes/discord/server.ts';
import { bodyOf } from './calls.ts';

describe('registerDiscordCommands publishes /gomez through REST', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => fake?.close());
  const env = () => readEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });

  it('globally: one /gomez command with ask, quotes and summary, usable in guilds and DMs', async () => {
    const result = await registerDiscordCommands({ env: env() });
    expect(result).toMatchObject({ scope: 'global', commands: ['gomez'] });
    const invite = new URL(result.inviteUrl);
    expect(invite.origin + invite.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(invite.searchParams.get('client_id')).toBe(fake.applicationId);
    expect(invite.searchParams.get('scope')).toBe('bot applications.commands');
    expect(invite.searchParams.get('permissions')).toBe('19456');
    const put = fake.calls.find((c) => c.method === 'PUT' && c.path === `/applications/${fake.applicationId}/commands`)!;
    expect(put.authorization).toBe(`Bot ${fake.token}`);
    const [command] = bodyOf(put) as unknown as Array<Record<string, any>>;
    expect(command!.name).toBe('gomez');
    expect(command!.contexts).toEqual([0, 1]); // guild channels and DMs with the bot
    expect(command!.integration_types).toEqual([0]);
    const subs = Object.fromEntries(command!.options.map((o: any) => [o.name, o]));
    expect(Object.keys(subs)).toEqual(['ask', 'quotes', 'summary', 'recap', 'help', 'digest']); // digest: the subcommand group of issue 6
    expect(subs.ask.options[0]).toMatchObject({ name: 'question', type: 3, required: true });
    expect(subs.quotes.options[0]).toMatchObject({ name: 'topic', required: true, autocomplete: true });
    expect(subs.summary.options[0]).toMatchObject({ name: 'topic', autocomplete: true });
    expect(subs.summary.options[0].required).toBeFalsy();
    expect(fake.globalCommands.map((c) => c.name)).toEqual(['gomez']);
  });

  it('to one guild, for instant updates', async () => {
    const guildId = '123456789012345678';
    const result = await registerDiscordCommands({ env: env(), guildId });
    expect(result).toMatchObject({ scope: 'guild', guildId, commands: ['gomez'] });
    expect(fake.guildCommands.get(guildId)?.map((c) => c.name)).toEqual(['gomez']);
    expect(fake.guildCommands.get(guildId)?.[0]?.contexts).toBeUndefined();
  });

  it('names DISCORD_APPLICATION_ID when it is missing, and DISCORD_TOKEN when it is rejected', async () => {
    const noApp = readEnv({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    await expect(registerDiscordCommands({ env: noApp })).rejects.toThrow(/DISCORD_APPLICATION_ID is not set/);
    const noToken = readEnv({ DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    await expect(registerDiscordCommands({ env: noToken })).rejects.toThrow(/DISCORD_TOKEN is not set/);
    const badToken = readEnv({ DISCORD_TOKEN: 'wrong', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    const rejected = registerDiscordCommands({ env: badToken });
    await expect(rejected).rejects.toBeInstanceOf(ConfigError);
    await expect(rejected).rejects.toThrow(/DISCORD_TOKEN was rejected/);
  });

  it('names DISCORD_APPLICATION_ID when Discord refuses it, and rejects a malformed guild id', async () => {
    const otherApp = readEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: '111111111111111111', DISCORD_API_URL: fake.apiUrl });
    await expect(registerDiscordCommands({ env: otherApp })).rejects.toThrow(/DISCORD_APPLICATION_ID/);
    await expect(registerDiscordCommands({ env: env(), guildId: 'general' })).rejects.toThrow(/--guild general/);
  });
});
