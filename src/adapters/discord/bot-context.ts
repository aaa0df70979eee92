import { Bot } from '../../bot/bot.ts';
import { SharedBotState } from '../../bot/shared-state.ts';
import type { Env } from '../../config/env.ts';
import type { GomezCore } from '../../core.ts';
import { channelRecap, recapDays } from '../../digest/channel-recap.ts';
import { QuestionLog } from '../../store/questions.ts';
import type { StateStore } from '../../store/state.ts';
import type { DiscordContext } from './context.ts';

/** The bot and what its handlers need, the same for the gateway and the HTTP interactions mode. */
export function createDiscordContext(core: GomezCore, env: Env, store: StateStore, answerTimeoutMs: number): DiscordContext {
  const state = new SharedBotState(store, { ratePerMinute: env.RATE_LIMIT_PER_MINUTE });
  const leaseMs = env.DELIVERY_LEASE_SECONDS * 1000;
  const bot = new Bot({
    core,
    state,
    policy: { answerDeadlineMs: answerTimeoutMs },
    observer: { corpus: core.corpus, questions: new QuestionLog(store.questions) },
    // "/gomez recap": what this channel asked over the period (the channel is in the conversation key).
    recap: (message, days) => channelRecap(core, store, { platform: 'discord', channelId: message.conversation.split(':')[1] ?? '' }, recapDays(days)),
  });
  return { core, store, bot, state, leaseMs };
}
