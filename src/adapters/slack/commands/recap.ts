import { channelRecap, recapDays } from '../../../digest/channel-recap.ts';
import { renderSummary } from '../render.ts';
import type { Subcommand } from './types.ts';

/** `/gomez recap [days]`: what this channel asked over the period, the best quote each got, the gaps. */
export const recapCommand = {
  name: 'recap',
  usage: '/gomez recap [days]',
  description: "what this channel asked me (top questions, best quotes, what the interviews don't cover)",
  rateLimited: true,
  async run(ctx, args) {
    const recap = await channelRecap(ctx.deps.core, ctx.deps.store, { platform: 'slack', channelId: ctx.command.channel_id, workspace: ctx.workspace.key }, recapDays(args));
    await ctx.postToChannel(renderSummary(recap, ctx.deps.core.guestName));
  },
} satisfies Subcommand;
