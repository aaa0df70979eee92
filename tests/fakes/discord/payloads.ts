import { randomBytes } from 'node:crypto';
import type { FakeDiscord, FakeUser } from './server.ts';
import { snowflake } from './snowflake.ts';

/**
 * INTERACTION_CREATE payloads shaped like Discord's: application command, autocomplete and button
 * interactions, in a guild channel or in a DM with the bot.
 */

type Json = Record<string, unknown>;

export function fakeUser(username: string): FakeUser {
  return { id: snowflake(), username, discriminator: '0', global_name: username, avatar: null, public_flags: 0 };
}

export interface Where {
  /** A guild channel (default) or a DM with the bot. */
  in?: 'guild' | 'dm';
  guildId?: string;
  channelId?: string;
}

const GUILD_ID = snowflake();
const CHANNEL_ID = snowflake();
const COMMAND_ID = snowflake();
/** Administrator-ish member permissions and the usual bot permissions (as decimal strings). */
const MEMBER_PERMISSIONS = '2248473465835073';
const APP_PERMISSIONS = '562949953601536';

function base(fake: FakeDiscord, type: number, user: FakeUser, where: Where = {}) {
  const id = snowflake();
  const token = Buffer.from(`interaction:${id}:${randomBytes(24).toString("hex")}`).toString("base64url");
  const common = {
    id,
    token,
    type,
    application_id: fake.applicationId,
    version: 1,
    locale: 'en-US',
    entitlements: [],
    app_permissions: APP_PERMISSIONS,
    attachment_size_limit: 10_485_760,
  };
  if (where.in === 'dm') {
    const channelId = where.channelId ?? snowflake();
    return {
      ...common,
      user,
      context: 1,
      authorizing_integration_owners: { '0': '0' },
      channel_id: channelId,
      channel: { id: channelId, type: 1, flags: 0, last_message_id: null, recipients: [user] },
    };
  }
  const guildId = where.guildId ?? GUILD_ID;
  const channelId = where.channelId ?? CHANNEL_ID;
  return {
    ...common,
    context: 0,
    authorizing_integration_owners: { '0': guildId },
    guild_id: guildId,
    guild_locale: 'en-US',
    guild: { id: guildId, locale: 'en-US', features: [] },
    channel_id: channelId,
    channel: {
      id: channelId,
      type: 0,
      guild_id: guildId,
      name: 'general',
      position: 0,
      flags: 0,
      nsfw: false,
      parent_id: null,
      permissions: MEMBER_PERMISSIONS,
      last_message_id: null,
      rate_limit_per_user: 0,
      topic: null,
    },
    member: {
      user,
      roles: [],
      permissions: MEMBER_PERMISSIONS,
      joined_at: '2024-01-01T00:00:00.000Z',
      premium_since: null,
      deaf: false,
      mute: false,
      pending: false,
      flags: 0,
      nick: null,
      avatar: null,
      communication_disabled_until: null,
    },
  };
}

/** Options of `/gomez [group] <subcommand> name:value…` (string options; `focused` marks the one being typed). */
function commandData(subcommand: string, options: Record<string, string>, group?: string, focused?: string): Json {
  const leaf = {
    type: 1,
    name: subcommand,
    options: Object.entries(options).map(([name, value]) => ({
      type: 3,
      name,
      value,
      ...(name === focused ? { focused: true } : {}),
    })),
  };
  return {
    id: COMMAND_ID,
    name: 'gomez',
    type: 1,
    options: [group ? { type: 2, name: group, options: [leaf] } : leaf],
  };
}

export interface CommandSpec extends Where {
  subcommand: string;
  group?: string;
  options?: Record<string, string>;
  user: FakeUser;
}

/** `/gomez <subcommand> …` as a chat-input application command interaction. */
export function slashCommand(fake: FakeDiscord, spec: CommandSpec) {
  return { ...base(fake, 2, spec.user, spec), data: commandData(spec.subcommand, spec.options ?? {}, spec.group) };
}

/** The user typing into option `focused` of `/gomez <subcommand>`. */
export function autocomplete(fake: FakeDiscord, spec: CommandSpec & { focused: string }) {
  return { ...base(fake, 4, spec.user, spec), data: commandData(spec.subcommand, spec.options ?? {}, spec.group, spec.focused) };
}

/** A press of button `customId` on `message` (a message object the fake returned earlier). */
export function buttonPress(fake: FakeDiscord, spec: Where & { user: FakeUser; customId: string; message: Json & { id: string } }) {
  return {
    ...base(fake, 3, spec.user, spec),
    message: spec.message,
    data: { custom_id: spec.customId, component_type: 2 },
  };
}
