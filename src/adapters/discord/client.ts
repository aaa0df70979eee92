import { Client, GatewayIntentBits } from 'discord.js';
import type { Env } from '../../config/env.ts';
import { NO_MENTIONS } from './mentions.ts';

/** REST options: DISCORD_API_URL (tests point it at a local fake); discord.js appends /v10 itself. */
export function restOptions(env: Env): { api?: string } {
  return env.DISCORD_API_URL ? { api: env.DISCORD_API_URL.replace(/\/+$/, '') } : {};
}

/**
 * The gateway client. Slash commands arrive as interactions, which need no privileged intents:
 * Guilds and DirectMessages are enough, and no message content is ever read.
 */
export function createDiscordClient(env: Env): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    allowedMentions: NO_MENTIONS,
    rest: restOptions(env),
  });
}
