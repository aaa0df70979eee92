import { MessageFlags, Routes, type REST } from 'discord.js';
import type { Finisher } from '../../bot/lease.ts';
import { HeldWrites } from '../../bot/held-writes.ts';
import { log } from '../../log.ts';
import { answerMessage } from './answer-message.ts';
import { discordAdapter } from './chat-adapter.ts';
import { conversationKey, type DiscordContext } from './context.ts';
import { AnswerRequest, DeferredReply } from './deferred-answer.ts';

/** An interaction token works for 15 minutes; a little is kept back for the answer itself. */
const TOKEN_LIFETIME_MS = 14 * 60_000;

/**
 * Finishes an answering command a dead replica left behind: the answer is worked out again and edited
 * into the deferred reply (@original) through the interaction's webhook while its token lives; a
 * notice replaces the "thinking…" reply with a private follow-up. Anything else (a button, a command
 * that never deferred, a token that has expired) has nothing left to finish and is marked done.
 */
export function discordFinisher(ctx: DiscordContext, rest: REST): Finisher {
  return async (lease) => {
    const request = AnswerRequest.safeParse(lease.delivery.payload);
    const reply = DeferredReply.safeParse(lease.delivery.placeholder);
    if (!request.success || !reply.success || Date.now() - reply.data.createdAt > TOKEN_LIFETIME_MS) {
      await lease.complete();
      return;
    }
    const { applicationId, token } = reply.data;
    const held = new HeldWrites(ctx.state);
    const bot = ctx.bot.withState(held);
    const message = {
      surface: 'discord' as const,
      userId: request.data.userId,
      conversation: conversationKey(request.data.channelId),
      text: request.data.text,
      delivery: 'command' as const,
      messageId: request.data.interactionId,
    };
    const answer = request.data.command === 'ask' ? await bot.handle(message) : await bot.quotes(message);
    const original = Routes.webhookMessage(applicationId, token, '@original');
    if (answer.type === 'answer' || answer.type === 'summary' || (answer.type === 'help' && !answer.privately)) {
      if (answer.type === 'answer') await bot.fitted(answer.page, answerMessage(ctx.core, answer.page).quotesShown);
      const rendered = discordAdapter(ctx.core).render(answer);
      await rest.patch(original, { body: toJson(rendered), auth: false });
    } else {
      const text = answer.type === 'notice' ? answer.text : '🙏';
      await rest.delete(original, { auth: false }).catch((error: unknown) => log.warn('discord: could not remove placeholder', { error }));
      if (answer.type !== 'ignore') {
        await rest.post(Routes.webhook(applicationId, token), { body: { content: text, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } }, auth: false });
      }
    }
    await lease.complete(held.writes());
  };
}

/** Builders (embeds, button rows) to the JSON the REST API takes; snake_case as Discord wants it. */
function toJson(message: { content: string; embeds?: unknown; components?: unknown }): Record<string, unknown> {
  const json = (value: unknown) => (value && typeof value === 'object' && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : value);
  return {
    content: message.content,
    embeds: Array.isArray(message.embeds) ? message.embeds.map(json) : [],
    components: Array.isArray(message.components) ? message.components.map(json) : [],
    allowed_mentions: { parse: [] },
  };
}
