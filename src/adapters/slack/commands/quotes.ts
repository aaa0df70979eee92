import { conversationKey, prepareAnswer } from '../answers.ts';
import type { Subcommand } from './types.ts';

/** `/gomez quotes <topic>`: the best quotes on a topic, posted in the channel. */
export const quotesCommand = {
  name: 'quotes',
  usage: '/gomez quotes <topic>',
  description: 'the best verbatim quotes on a topic',
  rateLimited: true,
  async run(ctx, topic) {
    const prepared = await prepareAnswer(ctx.deps, { question: topic, kind: 'quotes' });
    const ts = await ctx.postToChannel(prepared.message);
    if (ts) {
      ctx.deps.conversations.add(conversationKey(ctx.command.channel_id, ts), {
        question: prepared.question,
        answer: prepared.answerText,
        answerId: prepared.answerId,
      });
    }
  },
} satisfies Subcommand;
