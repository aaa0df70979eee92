import { VOTE } from '../answer-message.ts';
import { ephemeral } from '../replies.ts';
import { answerRecordFor } from './answer-record.ts';
import type { ButtonHandler } from './types.ts';

const VOTES = { up: 1, down: -1 } as const;

/** 👍 / 👎 under an answer: one vote per user per answer; pressing again changes it. */
export const feedback = {
  name: VOTE,
  rateLimited: false,
  async execute(interaction, [direction, answerId], ctx) {
    const record = answerRecordFor(ctx, answerId);
    const vote = direction === 'up' || direction === 'down' ? VOTES[direction] : null;
    if (vote === null) throw new Error(`unknown vote direction ${String(direction)}`);
    ctx.store.recordFeedback({
      answerId: record.id,
      userId: interaction.user.id,
      platform: 'discord',
      vote,
      question: record.question,
      answer: record.answer,
    });
    await interaction.reply(
      ephemeral(`Thanks, noted your ${vote === 1 ? '👍' : '👎'}. Press the other one any time to change your vote.`),
    );
  },
} satisfies ButtonHandler;
