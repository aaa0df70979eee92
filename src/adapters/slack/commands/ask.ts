import { conversationKey, prepareAnswer } from '../answers.ts';
import type { Subcommand } from './types.ts';

/** `/gomez <question>`: the answer posted in the channel; its thread takes follow-ups. */
export const askCommand = {
  name: 'ask',
  usage: '/gomez <question>',
  description: 'an answer with verbatim quotes, posted in the channel',
  rateLimited: true,
  async run(ctx, question) {
    const prepared = await prepareAnswer(ctx.deps, { question, kind: 'ask' });
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
