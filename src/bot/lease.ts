import { log } from '../log.ts';
import { REPLICA_ID } from '../store/replica.ts';
import type { Delivery, Platform } from '../store/state.ts';
import type { AnswerWrites, SharedBotState } from './shared-state.ts';

/** How long a replica may be silent before another takes its delivery over (DELIVERY_LEASE_SECONDS). */
export const DEFAULT_LEASE_MS = 30_000;
/** A delivery taken over this many times is given up (something about it keeps killing replicas). */
const MAX_ATTEMPTS = 4;

/**
 * One platform event this replica holds the lease on: it alone answers it. The lease is pushed on while
 * answering; the answer's writes are recorded in the transaction that marks it done.
 */
export class DeliveryLease {
  private constructor(
    private readonly shared: SharedBotState,
    readonly delivery: Delivery,
    private readonly leaseMs: number,
  ) {}

  /** The first claim of `key` across all replicas gets the lease; a repeat gets undefined. */
  static async claim(shared: SharedBotState, input: { key: string; platform: Platform; payload: unknown; leaseMs: number }): Promise<DeliveryLease | undefined> {
    const delivery = await shared.store.deliveries.claim({ ...input, owner: REPLICA_ID });
    return delivery && new DeliveryLease(shared, delivery, input.leaseMs);
  }

  /** A delivery this replica took over from one whose lease ran out. */
  static takenOver(shared: SharedBotState, delivery: Delivery, leaseMs: number): DeliveryLease {
    return new DeliveryLease(shared, delivery, leaseMs);
  }

  get key(): string {
    return this.delivery.key;
  }

  /** Remembers where the reply is appearing (a placeholder's ts, an interaction token), for a takeover. */
  async placeholder(value: unknown): Promise<void> {
    if (!(await this.shared.store.deliveries.setPlaceholder(this.key, REPLICA_ID, value))) log.warn('delivery: lease lost before the placeholder was recorded', { key: this.key });
  }

  /** Runs `work` while pushing the lease on every third of its length. */
  async whileHeld<T>(work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      this.shared.store.deliveries.extendLease(this.key, REPLICA_ID, this.leaseMs).then(
        (held) => held || log.warn('delivery: lease lost while answering', { key: this.key }),
        (error: unknown) => log.warn('delivery: could not extend the lease', { key: this.key, error }),
      );
    }, Math.max(250, Math.floor(this.leaseMs / 3)));
    timer.unref();
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  /** Done: records the answer's writes with it, atomically. False when another replica took it over. */
  async complete(writes: AnswerWrites = { turns: [] }): Promise<boolean> {
    const done = await this.shared.completeDelivery(this.key, REPLICA_ID, writes);
    if (!done) log.warn('delivery: finished after losing the lease; its writes were dropped', { key: this.key });
    return done;
  }

  async fail(): Promise<void> {
    await this.shared.store.deliveries.fail(this.key, REPLICA_ID);
  }
}

/** Finishes one delivery a dead replica left behind, through what it already posted. */
export type Finisher = (lease: DeliveryLease) => Promise<void>;

/**
 * Every replica sweeps: deliveries of `platform` whose lease ran out (their replica died mid-answer)
 * are taken over, each by exactly one sweeper, and handed to `finish`. Returns a stop function.
 */
export function startDeliverySweeper(shared: SharedBotState, options: { platform: Platform; leaseMs: number; everyMs?: number; finish: Finisher }): () => Promise<void> {
  const everyMs = options.everyMs ?? Math.max(500, Math.floor(options.leaseMs / 3));
  let running: Promise<void> = Promise.resolve();
  const sweep = async () => {
    const taken = await shared.store.deliveries.takeExpired(REPLICA_ID, options.leaseMs, 10, new Date(), options.platform);
    for (const delivery of taken) {
      const lease = DeliveryLease.takenOver(shared, delivery, options.leaseMs);
      log.info('delivery: taking over an expired lease', { key: delivery.key, attempts: delivery.attempts });
      try {
        if (delivery.attempts > MAX_ATTEMPTS) await lease.fail();
        else await lease.whileHeld(() => options.finish(lease));
      } catch (error) {
        log.error('delivery: could not finish a taken-over delivery', { key: delivery.key, error });
      }
    }
  };
  const timer = setInterval(() => {
    running = running.then(sweep).catch((error: unknown) => log.warn('delivery: sweep failed', { error }));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
