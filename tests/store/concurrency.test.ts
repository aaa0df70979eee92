import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStateStore } from '../../src/store/open-state.ts';
import { PostgresDriver } from '../../src/store/postgres/driver.ts';
import { migratePostgres } from '../../src/store/postgres/migrate.ts';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres/migrations.ts';
import type { StateStore } from '../../src/store/state.ts';
import type { Subscription } from '../../src/store/subscriptions.ts';
import { postgresAvailable, TEST_DATABASE_URL, testSchema } from './engines.ts';

/**
 * Several replicas on one PostgreSQL database, each with its own connection pool, racing for the same
 * rows. Needs the real server (PGlite has a single connection, so it cannot race).
 */
const server = await postgresAvailable();
if (!server) console.warn(`SKIPPED: store concurrency tests need the PostgreSQL server at ${TEST_DATABASE_URL} (TEST_DATABASE_URL)`);

const T0 = new Date('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.runIf(server)('three replicas on one PostgreSQL database', () => {
  const schema = testSchema();
  let replicas: StateStore[] = [];

  beforeAll(async () => {
    // Three replicas starting together: each applies pending migrations while opening.
    replicas = await Promise.all(
      [1, 2, 3].map(() => openStateStore({ databaseUrl: TEST_DATABASE_URL, dataDir: ':memory:', schema: schema.name, postgres: { max: 6 } })),
    );
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await schema.drop();
  });

  it('applies each migration once when replicas migrate at the same moment', async () => {
    const fresh = testSchema();
    const drivers = [1, 2, 3].map(() => new PostgresDriver({ connectionString: TEST_DATABASE_URL, schema: fresh.name }));
    try {
      const applied = await Promise.all(drivers.map((d) => migratePostgres(d, { schema: fresh.name })));
      expect(applied.flat().sort()).toEqual(POSTGRES_MIGRATIONS.map((m) => m.name).sort());
      expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
      const { rows } = await drivers[0]!.query('SELECT name FROM schema_migrations');
      expect(rows).toHaveLength(POSTGRES_MIGRATIONS.length);
    } finally {
      await Promise.all(drivers.map((d) => d.close()));
      await fresh.drop();
    }
  });

  it('gives each event to exactly one replica when all three claim it at once', async () => {
    const keys = Array.from({ length: 60 }, (_, i) => `slack:event:Ev${i}`);
    const attempts = replicas.flatMap((replica, r) =>
      keys.map(async (key) => ((await replica.deliveries.claim({ key, platform: 'slack', owner: `r${r}`, leaseMs: 30_000, payload: {} }, at(0))) ? key : null)),
    );
    const won = (await Promise.all(attempts)).filter((k): k is string => k !== null);
    expect(won.sort()).toEqual([...keys].sort());
  });

  it('hands each expired lease to exactly one sweeping replica (FOR UPDATE SKIP LOCKED)', async () => {
    const keys = Array.from({ length: 45 }, (_, i) => `discord:interaction:${i}`);
    for (const key of keys) await replicas[0]!.deliveries.claim({ key, platform: 'discord', owner: 'dead', leaseMs: 1_000, payload: { i: key } }, at(0));
    const sweep = async (replica: StateStore, owner: string) => {
      const taken: string[] = [];
      for (;;) {
        const batch = await replica.deliveries.takeExpired(owner, 60_000, 4, at(5_000));
        if (batch.length === 0) return taken;
        taken.push(...batch.map((d) => d.key));
      }
    };
    const results = await Promise.all(replicas.map((r, i) => sweep(r, `sweeper${i}`)));
    expect(results.flat().sort()).toEqual([...keys].sort());
    for (const key of keys) expect((await replicas[1]!.deliveries.get(key))?.attempts).toBe(2);
  });

  it('posts each of 200 digests due at the same instant exactly once across three ticking replicas', async () => {
    const subs: Subscription[] = [];
    for (let i = 0; i < 200; i++) {
      subs.push(
        await replicas[i % 3]!.digests.upsert({
          platform: 'discord', channelId: `ch${String(i).padStart(3, '0')}`, workspaceId: 'G1', subscriberId: 'u', every: 'daily',
          time: '09:00', timezone: 'UTC', weekday: null, topic: null, nextDueAt: T0.toISOString(), seenSources: [],
        }),
      );
    }
    const next = at(86_400_000).toISOString();
    const tick = async (replica: StateStore, owner: string) => {
      const claimed: string[] = [];
      for (const sub of await replica.digests.due('discord', at(1_000))) {
        const slot = await replica.digests.claimSlot({ subscription: sub, nextDueAt: next, owner, leaseMs: 60_000 }, at(1_000));
        if (slot) claimed.push(slot.subscriptionId);
      }
      return claimed;
    };
    const claims = await Promise.all(replicas.map((r, i) => tick(r, `ticker${i}`)));
    expect(claims.flat().sort()).toEqual(subs.map((s) => s.id).sort());
    expect(await replicas[2]!.digests.due('discord', at(2_000))).toEqual([]);
  });

  it('answers exactly 10 of 15 questions from one person sent round-robin to three replicas', async () => {
    const limiters = replicas.map((r) => r.questionLimiter(10));
    const asker = { platform: 'slack', team: 'T-rr', user: 'U-rr' };
    const waits = await Promise.all(Array.from({ length: 15 }, (_, i) => limiters[i % 3]!.take(asker)));
    expect(waits.filter((w) => w === 0)).toHaveLength(10);
    expect(waits.filter((w) => w > 0)).toHaveLength(5);
  });
});
