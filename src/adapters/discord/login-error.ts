import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes } from 'discord.js';
import { ConfigError } from '../../errors.ts';

const REJECTED =
  'DISCORD_TOKEN was rejected by Discord (401 Unauthorized): copy the bot token again from the Developer Portal (Bot → Reset Token).';

/** A rejected token, however discord.js reports it (REST 401 or gateway close 4004), as a ConfigError naming DISCORD_TOKEN. */
export function loginError(error: unknown): unknown {
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) return new ConfigError(REJECTED);
  if (error instanceof DiscordAPIError && error.status === 401) return new ConfigError(REJECTED);
  if (error instanceof Error && error.message === 'Authentication failed') return new ConfigError(REJECTED);
  return error;
}
