import type { Summary } from '../answer/types.ts';
import type { Subscription } from '../store/subscriptions.ts';

/**
 * The line above a scheduled digest: what it is, whether it stands in for digests missed while the
 * bot was down, and which transcripts are new since the channel's last digest.
 */
export function digestNote(
  subscription: Subscription,
  slots: number,
  newSourceTitles: string[],
  summary: Summary,
): string {
  const noun = subscription.kind === 'recap' ? 'recap' : 'digest';
  const kind = subscription.every === 'daily' ? `Daily ${noun}` : `Weekly ${noun}`;
  const parts = [subscription.topic ? `${kind} on “${subscription.topic}”.` : `${kind}.`];
  if (slots > 1) parts.push(`Catch-up: I was offline for ${slots} scheduled ${noun}s, so here is one instead of ${slots}.`);
  if (newSourceTitles.length > 0) {
    const shown = newSourceTitles.slice(0, 3).join('; ');
    const more = newSourceTitles.length > 3 ? ` and ${newSourceTitles.length - 3} more` : '';
    parts.push(`New since the last digest: ${shown}${more}.`);
  }
  if (summary.note) parts.push(summary.note);
  return parts.join(' ');
}
