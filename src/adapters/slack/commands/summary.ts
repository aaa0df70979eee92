import { prepareSummary } from '../summaries.ts';
import type { Subcommand } from './types.ts';

/** `/gomez summary [topic]`: the main themes (of everything, or of one topic), posted in the channel. */
export const summaryCommand = {
  name: 'summary',
  usage: '/gomez summary [topic]',
  description: 'the main themes, each backed by quotes',
  rateLimited: true,
  async run(ctx, topic) {
    await ctx.postToChannel(await prepareSummary(ctx.deps, topic));
  },
} satisfies Subcommand;
