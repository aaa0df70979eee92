import { log } from '../../log.ts';
import type { Store } from '../../store/store.ts';
import { recordDedupeHit } from '../../web/metrics.ts';

/**
 * Claims an interaction for this process: true the first time its id is seen, false for a replay (a
 * resumed gateway session, a retried or replayed HTTP delivery, another replica). The one place the
 * Discord adapter dedupes, so a shared (PostgreSQL) store can take over here alone.
 */
export async function claimInteraction(store: Store, interactionId: string): Promise<boolean> {
  if (store.claimEvent(`discord:interaction:${interactionId}`)) return true;
  recordDedupeHit('discord');
  log.debug('duplicate discord interaction ignored', { interactionId });
  return false;
}
