import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { log } from '../../log.ts';
import type { Store } from '../../store/store.ts';
import { recordDedupeHit } from '../../web/metrics.ts';
import type { InFlight } from './in-flight.ts';
import { DeliveryIds } from './payloads.ts';

/** Global middleware that registers each request's handling with the in-flight tracker. */
export function trackInFlight(inFlight: InFlight): Middleware<AnyMiddlewareArgs> {
  return ({ next }) => inFlight.run(() => next());
}

/**
 * Global middleware that lets each delivery run once. Slack retries an event (x-slack-retry-num) when our
 * ack was slow or lost, and may re-deliver it after a restart; the claim lives in the SQLite store, so a
 * repeat is acknowledged (Bolt already did) and dropped here, before any listener runs.
 */
export function dedupeDeliveries(store: Store): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const ids = DeliveryIds.safeParse(body);
    const key = !ids.success
      ? undefined
      : ids.data.event_id
        ? `slack:event:${ids.data.event_id}`
        : ids.data.trigger_id
          ? `slack:trigger:${ids.data.trigger_id}`
          : undefined;
    if (key !== undefined && !store.claimEvent(key)) {
      recordDedupeHit('slack');
      log.info('slack: duplicate delivery ignored', { key, retryNum: context.retryNum, retryReason: context.retryReason });
      return;
    }
    await next();
  };
}
