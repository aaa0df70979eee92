import type { SlackDeps } from './deps.ts';
import { renderSummary, type SlackMessage } from './render.ts';

/** A digest of the corpus (or of one topic) from the core, rendered for a channel. */
export async function prepareSummary(deps: SlackDeps, topic: string | undefined): Promise<SlackMessage> {
  const summary = await deps.core.summarize({ topic: topic?.trim() || null });
  return renderSummary(summary, deps.core.guestName);
}
