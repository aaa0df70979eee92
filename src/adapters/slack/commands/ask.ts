import { postAnswerToChannel } from './answer-command.ts';
import type { Subcommand } from './types.ts';

/** `/gomez <question>`: the answer posted in the channel; its thread takes follow-ups. */
export const askCommand = {
  name: 'ask',
  usage: '/gomez <question>',
  description: 'an answer with verbatim quotes, posted in the channel',
  rateLimited: true,
  run: (ctx, question) => postAnswerToChannel(ctx, question, 'ask'),
} satisfies Subcommand;
