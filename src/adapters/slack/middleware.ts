import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { log } from '../../log.ts';
import { DeliveryLease } from '../../bot/lease.ts';
import type { SharedBotState } from '../../bot/shared-state.ts';
import { recordDedupeHit } from '../../web/metrics.ts';
import type { InFlight } from './in-flight.ts';
import { DeliveryIds } from './payloads.ts';

/** Global middleware that registers each request's handling with the in-flight tracker. */
export function trackInFlight(inFlight: InFlight): Middleware<AnyMiddlewareArgs> {
  return ({ next }) => inFlight.run(() => next());
}

/**
 * Global middleware that lets each delivery run once, on one replica. Slack retries an event
 * (x-slack-retry-num) when our ack was slow or lost, may re-deliver it after a restart, and may send it
 * to any replica behind the load balancer; the first claim in the shared store wins, so a repeat is
 * acknowledged (Bolt already did) and dropped here, before any listener runs. The claim is done once
 * the listeners return; a message's answer has a leased delivery of its own (leased-reply.ts).
 */
export function dedupeDeliveries(state: SharedBotState, leaseMs: number): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const ids = DeliveryIds.safeParse(body);
    const key = !ids.success
      ? undefined
      : ids.data.event_id
        ? `slack:event:${ids.data.event_id}`
        : ids.data.trigger_id
          ? `slack:trigger:${ids.data.trigger_id}`
          : undefined;
    if (key === undefined) return next();
    const lease = await DeliveryLease.claim(state, { key, platform: 'slack', payload: null, leaseMs });
    if (!lease) {
      recordDedupeHit('slack');
      log.info('slack: duplicate delivery ignored', { key, retryNum: context.retryNum, retryReason: context.retryReason });
      return;
    }
    try {
      await next();
    } finally {
      await lease.complete().catch((error: unknown) => log.warn('slack: could not mark a delivery done', { key, error }));
    }
  };
}
