import { MessageFlags, type Interaction } from 'discord.js';
import { GomezError, userMessageFor } from '../../errors.ts';
import { log } from '../../log.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { NO_MENTIONS } from './mentions.ts';
import { cutText } from './text-cut.ts';

/** A short message only the user who acted can see. */
export function ephemeral(content: string) {
  return {
    content: cutText(content, DISCORD_LIMITS.content),
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  } as const;
}

/**
 * Tells the user, privately and briefly, that their interaction failed, and logs the detail with the
 * interaction id. A public "thinking…" placeholder left by deferReply is removed first, so the channel
 * is not left with a dangling message. Never throws: a failure here is logged, the bot carries on.
 */
export async function replyWithError(interaction: Interaction, error: unknown): Promise<void> {
  const fields = { interactionId: interaction.id, type: interaction.type, userId: interaction.user.id, error };
  if (error instanceof GomezError) log.warn('discord interaction refused', fields);
  else log.error('discord interaction failed', fields);
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const message = ephemeral(userMessageFor(error));
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(message);
      return;
    }
    // deferUpdate() on a button also sets `deferred`; deleting @original there would delete the answer.
    if (interaction.isChatInputCommand() && interaction.deferred && !interaction.replied && !interaction.ephemeral) {
      await interaction.deleteReply().catch((e: unknown) => log.warn('could not remove placeholder', { interactionId: interaction.id, error: e }));
    }
    await interaction.followUp(message);
  } catch (replyError) {
    log.error('could not tell the user about a failure', { interactionId: interaction.id, error: replyError });
  }
}
