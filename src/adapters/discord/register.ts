import { DiscordAPIError, REST, Routes } from 'discord.js';
import { z } from 'zod';
import { requireVars, type Env } from '../../config/env.ts';
import { ConfigError } from '../../errors.ts';
import { restOptions } from './client.ts';
import { gomezCommandJSON } from './commands/index.ts';
import { discordInviteUrl } from './invite-url.ts';

const Snowflake = z.string().regex(/^\d{17,20}$/);
const Published = z.array(z.object({ id: z.string(), name: z.string() }));

export interface RegisterResult {
  scope: 'global' | 'guild';
  guildId?: string;
  /** Names of the published top-level commands. */
  commands: string[];
  /** The link that adds the bot to a server (scopes bot + applications.commands). */
  inviteUrl: string;
}

/**
 * Publishes the slash commands (replacing what was there) globally or to one guild, which updates
 * instantly. Its own step, run by `gomez discord register`: never a side effect of starting the bot.
 */
export async function registerDiscordCommands({ env, guildId }: { env: Env; guildId?: string }): Promise<RegisterResult> {
  requireVars(env, ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'], 'publish the Discord slash commands');
  const appId = env.DISCORD_APPLICATION_ID!;
  if (!Snowflake.safeParse(appId).success) {
    throw new ConfigError('DISCORD_APPLICATION_ID is malformed: it is the numeric Application ID from the Developer Portal.');
  }
  if (guildId !== undefined && !Snowflake.safeParse(guildId).success) {
    throw new ConfigError(`--guild ${guildId} is not a Discord server id (a number like 123456789012345678).`);
  }
  const rest = new REST(restOptions(env)).setToken(env.DISCORD_TOKEN!);
  const scope = guildId ? 'guild' : 'global';
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  try {
    const published = Published.parse(await rest.put(route, { body: [gomezCommandJSON(scope)] }));
    return {
      scope,
      ...(guildId ? { guildId } : {}),
      commands: published.map((c) => c.name),
      inviteUrl: discordInviteUrl(appId),
    };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) {
      throw new ConfigError('DISCORD_TOKEN was rejected by Discord (401 Unauthorized): check the bot token.');
    }
    if (error instanceof DiscordAPIError && (error.status === 403 || error.status === 404)) {
      throw new ConfigError(
        guildId
          ? `Discord refused to publish to guild ${guildId} (${error.message}): check DISCORD_APPLICATION_ID and that the bot was invited there with the applications.commands scope.`
          : `Discord refused to publish the commands (${error.message}): check that DISCORD_APPLICATION_ID belongs to DISCORD_TOKEN's application.`,
      );
    }
    throw error;
  }
}
