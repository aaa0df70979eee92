/**
 * Store throughput on PostgreSQL: the database work of one answered question (claim the delivery,
 * record the placeholder, extend the lease, complete with the answer record and conversation turn)
 * done by 1 and by 3 replicas (separate connection pools) at once, plus SQLite for comparison.
 * Usage: npm run bench:store [-- --questions N]   (TEST_DATABASE_URL, default the local test server)
 */
import { parseArgs } from 'node:util';
import { setLogLevel } from '../src/log.ts';
import { openStateStore } from '../src/store/open-state.ts';
import type { StateStore } from '../src/store/state.ts';
import { TEST_DATABASE_URL, testSchema } from '../tests/store/engines.ts';

setLogLevel('silent');
const { values } = parseArgs({ options: { questions: { type: 'string', default: '600' } } });
const total = Number(values.questions);

async function answerOne(store: StateStore, replica: number, i: number): Promise<void> {
  const key = `slack:event:bench-${replica}-${i}-${Math.random()}`;
  const owner = `replica-${replica}`;
  const claimed = await store.deliveries.claim({ key, platform: 'slack', owner, leaseMs: 60_000, payload: { question: 'What about data?', channel: 'C1' } });
  if (!claimed) throw new Error('claim lost');
  await store.deliveries.setPlaceholder(key, owner, { ts: `${i}.000` });
  await store.deliveries.extendLease(key, owner, 60_000);
  const id = `ans-${key}`;
  await store.deliveries.complete(key, owner, {
    answer: { id, platform: 'slack', kind: 'ask', question: 'What about data?', answer: 'Gomez says…', shown: 3 },
    turn: { conversation: `slack:C1:${i}`, question: 'What about data?', answer: 'Gomez says…', answerId: id },
  });
}

/** Each replica answers its share with `concurrency` questions in flight (a busy replica). */
async function run(stores: StateStore[], concurrency = 8): Promise<number> {
  const per = Math.ceil(total / stores.length);
  const started = performance.now();
  await Promise.all(
    stores.map(async (store, r) => {
      let next = 0;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < per) await answerOne(store, r, next++);
      }));
    }),
  );
  return (per * stores.length) / ((performance.now() - started) / 1000);
}

const schema = testSchema();
const open = (n: number) => Promise.all(Array.from({ length: n }, () => openStateStore({ databaseUrl: TEST_DATABASE_URL, dataDir: ':memory:', schema: schema.name, postgres: { max: 8 } })));
try {
  const one = await open(1);
  const rate1 = await run(one);
  await Promise.all(one.map((s) => s.close()));
  const three = await open(3);
  const rate3 = await run(three);
  await Promise.all(three.map((s) => s.close()));
  const sqlite = await openStateStore({ dataDir: ':memory:' });
  const rateSqlite = await run([sqlite]);
  await sqlite.close();
  console.log(JSON.stringify({ questions: total, postgres1ReplicaPerSec: Math.round(rate1), postgres3ReplicasPerSec: Math.round(rate3), sqliteMemoryPerSec: Math.round(rateSqlite) }));
} finally {
  await schema.drop();
}
