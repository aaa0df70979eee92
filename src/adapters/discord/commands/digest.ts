import { MessageFlags, PermissionFlagsBits, SlashCommandSubcommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { checkSubscribe, listSubscriptions, subscribe, unsubscribe, type DigestActor, type DigestCommandDeps } from '../../../digest/commands.ts';
import type { DiscordContext } from '../context.ts';
import { NO_MENTIONS } from '../mentions.ts';
import { ephemeral } from '../replies.ts';
import { optionalText, requiredText } from './input.ts';
import { suggestTopics } from './topic-autocomplete.ts';
import type { Subcommand, SubcommandGroup } from './types.ts';

/**
 * `/gomez digest subscribe|list|unsubscribe`: scheduled digests for the channel. Changing them takes
 * Manage Channels (from the member's permission bitfield in the interaction); in a DM with the bot the
 * user owns the conversation. Replies are private to the caller; the digests themselves are public.
 */
function actorOf(interaction: ChatInputCommandInteraction): DigestActor {
  const canManage = interaction.inGuild()
    ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false)
    : true;
  return {
    platform: 'discord',
    channelId: interaction.channelId,
    workspaceId: interaction.guildId ?? null,
    userId: interaction.user.id,
    canManage,
  };
}

function depsOf(ctx: DiscordContext): DigestCommandDeps {
  return { subscriptions: ctx.store.digests, core: ctx.core };
}

const subscribeCommand = {
  data: new SlashCommandSubcommandBuilder()
    .setName('subscribe')
    .setDescription('Post a digest of the interviews in this channel on a schedule')
    .addStringOption((o) =>
      o.setName('every').setDescription('How often').setRequired(true).addChoices(
        { name: 'daily', value: 'daily' },
        { name: 'weekly', value: 'weekly' },
      ),
    )
    .addStringOption((o) => o.setName('time').setDescription('Local time, HH:MM (24-hour), e.g. 09:00').setRequired(true).setMaxLength(5))
    .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/London (default UTC)').setMaxLength(64))
    .addStringOption((o) => o.setName('topic').setDescription('Only this topic (default: the whole interview)').setMaxLength(200).setAutocomplete(true))
    .addStringOption((o) =>
      o.setName('kind').setDescription('What to post (default: the digest of the interviews)').addChoices(
        { name: 'digest of the interviews', value: 'summary' },
        { name: "recap of what this channel asked", value: 'recap' },
      ),
    ),
  rateLimited: true,
  async execute(interaction, ctx) {
    const options = {
      every: requiredText(interaction.options.getString('every'), 'frequency (daily or weekly)'),
      time: requiredText(interaction.options.getString('time'), 'time (HH:MM)'),
      timezone: optionalText(interaction.options.getString('timezone'), 'time zone'),
      topic: optionalText(interaction.options.getString('topic'), 'topic'),
      kind: interaction.options.getString('kind') === 'recap' ? ('recap' as const) : ('summary' as const),
    };
    const actor = actorOf(interaction);
    const deps = depsOf(ctx);
    // Refusals and malformed options are answered at once; checking a topic asks the core, which may
    // take longer than Discord's 3 seconds, so that part runs after the acknowledgement.
    await checkSubscribe(deps, actor, options);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const message = await subscribe(deps, actor, options);
    await interaction.editReply({ content: ephemeral(message).content, allowedMentions: NO_MENTIONS });
  },
  autocomplete: suggestTopics,
} satisfies Subcommand;

const listCommand = {
  data: new SlashCommandSubcommandBuilder().setName('list').setDescription("This server's scheduled digests"),
  rateLimited: false,
  async execute(interaction, ctx) {
    await interaction.reply(ephemeral(await listSubscriptions(depsOf(ctx), actorOf(interaction), { channel: (id) => `<#${id}>`, text: (t) => t })));
  },
} satisfies Subcommand;

const unsubscribeCommand = {
  data: new SlashCommandSubcommandBuilder().setName('unsubscribe').setDescription("Stop this channel's scheduled digest"),
  rateLimited: false,
  async execute(interaction, ctx) {
    await interaction.reply(ephemeral(await unsubscribe(depsOf(ctx), actorOf(interaction))));
  },
} satisfies Subcommand;

export const digest: SubcommandGroup = {
  name: 'digest',
  description: 'Scheduled digests of the interviews in this channel',
  subcommands: [subscribeCommand, listCommand, unsubscribeCommand],
};
