import type { ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import type { Progress } from '../../bot/bot.ts';
import { log } from '../../log.ts';
import type { DiscordContext } from './context.ts';

/** What an answering command's delivery keeps, so another replica can finish it. */
export const AnswerRequest = z.object({
  command: z.enum(['ask', 'quotes']),
  text: z.string(),
  userId: z.string(),
  channelId: z.string(),
  interactionId: z.string(),
});
export type AnswerRequest = z.infer<typeof AnswerRequest>;

/** Where the public "thinking…" reply stands: the interaction's webhook, usable for 15 minutes. */
export const DeferredReply = z.object({ applicationId: z.string(), token: z.string(), createdAt: z.number() });
export type DeferredReply = z.infer<typeof DeferredReply>;

/**
 * The progress hook of an answering command: defer publicly (Discord shows "thinking…"), then record
 * the interaction's token on the delivery, so a replica taking over can edit @original.
 */
export function deferAndRecord(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Progress {
  return {
    async searching() {
      await interaction.deferReply();
      const placeholder: DeferredReply = { applicationId: interaction.applicationId, token: interaction.token, createdAt: interaction.createdTimestamp };
      await ctx.lease?.placeholder(placeholder).catch((error: unknown) => log.warn('discord: could not record the deferred reply', { error }));
    },
  };
}
