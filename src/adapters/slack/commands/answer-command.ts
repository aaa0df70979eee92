import { conversationKey, prepareAnswer, type AnswerKind } from '../answers.ts';
import type { SlashContext } from './types.ts';

/**
 * Posts an answer (or quotes) to the channel for everyone and remembers it, so replies in its thread
 * are follow-ups. Shared by `/gomez <question>` and `/gomez quotes <topic>`.
 */
export async function postAnswerToChannel(ctx: SlashContext, question: string, kind: AnswerKind): Promise<void> {
  const prepared = await prepareAnswer(ctx.deps, { question, kind, userId: ctx.command.user_id });
  const ts = await ctx.postToChannel(prepared.message);
  if (ts) {
    ctx.deps.conversations.add(conversationKey(ctx.command.channel_id, ts), {
      question: prepared.question,
      answer: prepared.answerText,
      answerId: prepared.answerId,
    });
  }
}
