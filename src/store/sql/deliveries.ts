import { z } from 'zod';
import type { ClaimDelivery, Delivery, DeliveryOutcome, DeliveryStore, Platform } from '../state.ts';
import { saveAnswer } from './answers.ts';
import { addTurn } from './conversations.ts';
import type { SqlDriver } from './driver.ts';
import { count, deliveryState, instant, jsonText, parseFirst, parseRows, platform } from './rows.ts';

const DeliveryRow = z
  .object({
    key: z.string(),
    platform,
    state: deliveryState,
    owner: z.string(),
    lease_until: instant,
    attempts: count,
    payload: jsonText,
    placeholder: jsonText.nullable(),
    answer_id: z.string().nullable(),
    created_at: instant,
  })
  .transform(
    (r): Delivery => ({
      key: r.key,
      platform: r.platform,
      state: r.state,
      owner: r.owner,
      leaseUntil: r.lease_until,
      attempts: r.attempts,
      payload: r.payload,
      placeholder: r.placeholder,
      answerId: r.answer_id,
      createdAt: r.created_at,
    }),
  );

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/**
 * Delivery records with leases: the first claim of an event wins; the lease is extended while
 * answering; finishing marks it done in the same transaction that records the answer. A lease that
 * runs out is taken over by one sweeper (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite has one writer).
 */
export class SqlDeliveryStore implements DeliveryStore {
  constructor(private readonly db: SqlDriver) {}

  private get skipLocked(): string {
    return this.db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  }

  async claim(input: ClaimDelivery, now: Date = new Date()): Promise<Delivery | undefined> {
    const { rows } = await this.db.query(
      `INSERT INTO deliveries (key, platform, state, owner, lease_until, attempts, payload, created_at, updated_at)
       VALUES ($1, $2, 'processing', $3, $4, 1, $5, $6, $6)
       ON CONFLICT (key) DO NOTHING
       RETURNING *`,
      [input.key, input.platform, input.owner, later(now, input.leaseMs), JSON.stringify(input.payload ?? null), now.toISOString()],
    );
    return parseFirst(DeliveryRow, rows);
  }

  async setPlaceholder(key: string, owner: string, placeholder: unknown, now: Date = new Date()): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE deliveries SET placeholder = $1, updated_at = $2 WHERE key = $3 AND owner = $4 AND state = 'processing'`,
      [JSON.stringify(placeholder ?? null), now.toISOString(), key, owner],
    );
    return rowCount === 1;
  }

  async extendLease(key: string, owner: string, leaseMs: number, now: Date = new Date()): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE deliveries SET lease_until = $1, updated_at = $2 WHERE key = $3 AND owner = $4 AND state = 'processing'`,
      [later(now, leaseMs), now.toISOString(), key, owner],
    );
    return rowCount === 1;
  }

  complete(key: string, owner: string, outcome: DeliveryOutcome, now: Date = new Date()): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rowCount } = await tx.query(
        `UPDATE deliveries SET state = 'done', answer_id = $1, updated_at = $2
         WHERE key = $3 AND owner = $4 AND state = 'processing'`,
        [outcome.answer?.id ?? outcome.turn?.answerId ?? outcome.turns?.find((t) => t.answerId)?.answerId ?? null, now.toISOString(), key, owner],
      );
      if (rowCount !== 1) return false;
      if (outcome.answer) await saveAnswer(tx, outcome.answer, now);
      if (outcome.turn) await addTurn(tx, outcome.turn.conversation, outcome.turn, now);
      for (const turn of outcome.turns ?? []) await addTurn(tx, turn.conversation, turn, now);
      return true;
    });
  }

  async fail(key: string, owner: string, now: Date = new Date()): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE deliveries SET state = 'failed', updated_at = $1 WHERE key = $2 AND owner = $3 AND state = 'processing'`,
      [now.toISOString(), key, owner],
    );
    return rowCount === 1;
  }

  async takeExpired(owner: string, leaseMs: number, limit: number, now: Date = new Date(), platform?: Platform): Promise<Delivery[]> {
    const { rows } = await this.db.query(
      `UPDATE deliveries SET owner = $1, lease_until = $2, attempts = attempts + 1, updated_at = $3
       WHERE key IN (
         SELECT key FROM deliveries WHERE state = 'processing' AND lease_until < $3 AND ($5 = '*' OR platform = $5)
         ORDER BY created_at LIMIT $4 ${this.skipLocked}
       )
       RETURNING *`,
      [owner, later(now, leaseMs), now.toISOString(), limit, platform ?? '*'],
    );
    return parseRows(DeliveryRow, rows);
  }

  async get(key: string): Promise<Delivery | undefined> {
    return parseFirst(DeliveryRow, (await this.db.query('SELECT * FROM deliveries WHERE key = $1', [key])).rows);
  }

  async prune(maxAgeMs: number, now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - maxAgeMs).toISOString();
    return (await this.db.query(`DELETE FROM deliveries WHERE state <> 'processing' AND updated_at < $1`, [cutoff])).rowCount;
  }
}
