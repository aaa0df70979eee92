import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GomezCore } from '../../src/core.ts';
import { DigestRunner, digestRunnerFor } from '../../src/digest/runner.ts';
import { openStateStore } from '../../src/store/open-state.ts';
import type { StateStore } from '../../src/store/state.ts';
import { testCore } from '../adapters/discord/core-double.ts';
import { postgresAvailable, TEST_DATABASE_URL, testSchema } from '../store/engines.ts';
import { FakeClock, MINUTE, RecordingPoster, recordingSummarizer } from './helpers.ts';

/** Digest runners of three replicas sharing one PostgreSQL database, each with its own pool. */
const server = await postgresAvailable();
if (!server) console.warn(`SKIPPED: digest replica tests need the PostgreSQL server at ${TEST_DATABASE_URL} (TEST_DATABASE_URL)`);

describe.runIf(server)('digests on three replicas sharing PostgreSQL', () => {
  const schema = testSchema();
  let replicas: StateStore[] = [];
  const clock = new FakeClock(new Date('2026-05-04T08:59:00Z'));

  beforeAll(async () => {
    replicas = await Promise.all([1, 2, 3].map(() => openStateStore({ databaseUrl: TEST_DATABASE_URL, dataDir: ':memory:', schema: schema.name, postgres: { max: 4 } })));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await schema.drop();
  });

  const runnerOn = (store: StateStore, owner: string, poster: RecordingPoster) => {
    const summarizer = recordingSummarizer();
    return new DigestRunner({
      platform: 'slack', digests: store.digests, poster, summarize: (o) => summarizer.summarize(o),
      sources: () => [{ id: 'seed', title: 'Seed' }], clock: clock.now, owner, leaseMs: 5 * MINUTE,
    });
  };

  it('posts each of 200 digests due at the same instant exactly once while three replicas tick', async () => {
    for (let i = 0; i < 200; i++) {
      await replicas[i % 3]!.digests.upsert({
        platform: 'slack', channelId: `C${String(i).padStart(3, '0')}`, workspaceId: 'T1', subscriberId: 'U1', every: 'daily',
        time: '09:00', timezone: 'Europe/Berlin', weekday: null, topic: null, nextDueAt: '2026-05-04T07:00:00.000Z', seenSources: ['seed'],
      });
    }
    const poster = new RecordingPoster(clock);
    const runners = replicas.map((store, i) => runnerOn(store, `replica-${i}`, poster));
    const reports = await Promise.all(runners.map((r) => r.tick()));
    expect(reports.flatMap((r) => r.posted)).toHaveLength(200);
    expect(new Set(poster.posts.map((p) => p.channelId)).size).toBe(200);
    expect(poster.posts).toHaveLength(200);
    // Every replica did some of the work, and ticking again posts nothing more.
    expect(reports.filter((r) => r.posted.length > 0).length).toBeGreaterThan(1);
    await Promise.all(runners.map((r) => r.tick()));
    expect(poster.posts).toHaveLength(200);
    expect((await replicas[0]!.digests.forChannel('slack', 'C000'))?.nextDueAt).toBe('2026-05-05T07:00:00.000Z');
    await Promise.all(replicas.map((r) => r.digests.list('slack').then((subs) => Promise.all(subs.map((s) => r.digests.remove('slack', s.channelId))))));
  });

  it('a replica that died between claim and post leaves the slot to another, which posts it once', async () => {
    const sub = await replicas[0]!.digests.upsert({
      platform: 'slack', channelId: 'CDEAD', workspaceId: 'T1', subscriberId: 'U1', every: 'daily', time: '09:00',
      timezone: 'UTC', weekday: null, topic: null, nextDueAt: clock.now().toISOString(), seenSources: [],
    });
    const claimed = await replicas[0]!.digests.claimSlot({ subscription: sub, nextDueAt: '2026-05-05T09:00:00.000Z', owner: 'dead', leaseMs: 5 * MINUTE }, clock.now());
    expect(claimed).toBeDefined();
    const poster = new RecordingPoster(clock);
    const [a, b] = [runnerOn(replicas[1]!, 'replica-1', poster), runnerOn(replicas[2]!, 'replica-2', poster)];
    await Promise.all([a.tick(), b.tick()]);
    expect(poster.posts).toEqual([]);
    clock.advance(6 * MINUTE);
    const reports = await Promise.all([a.tick(), b.tick()]);
    expect(reports.flatMap((r) => r.recovered)).toEqual([sub.id]);
    expect(poster.to('CDEAD')).toHaveLength(1);
    expect(poster.posts[0]!.digest.nonce).toBe(claimed!.nonce);
    await Promise.all([a.tick(), b.tick()]);
    expect(poster.to('CDEAD')).toHaveLength(1);
  });

  it("posts each channel's recap once across three replicas, from the questions stored in PostgreSQL", async () => {
    const core: GomezCore = await testCore();
    const due = clock.now().toISOString();
    const channels = ['CR1', 'CR2', 'CR3', 'CR4', 'CR5', 'CR6'];
    for (const [i, channelId] of channels.entries()) {
      await replicas[i % 3]!.digests.upsert({
        platform: 'slack', channelId, workspaceId: 'T1', subscriberId: 'U1', every: 'daily', time: '09:00', timezone: 'UTC',
        weekday: null, topic: null, kind: 'recap', nextDueAt: due, seenSources: [],
      });
    }
    // What each channel asked in the last day (a thread counts as its channel); CR6 asked nothing.
    const asked = new Date(clock.now().getTime() - 60 * MINUTE);
    for (const channelId of channels.slice(0, 5)) {
      await replicas[1]!.conversations.add(`slack:${channelId}`, { question: 'What did Gomez say about synthetic data?', answer: 'a' }, asked);
    }
    await replicas[2]!.conversations.add('slack:CR1:1712.0001', { question: 'What did Gomez say about synthetic data?', answer: 'a' }, asked);

    const poster = new RecordingPoster(clock);
    const runners = replicas.map((store, i) => digestRunnerFor({ platform: 'slack', poster, core, store, clock: clock.now, leaseMs: 5 * MINUTE }));
    const reports = await Promise.all(runners.map((r) => r.tick()));
    expect(reports.flatMap((r) => r.posted)).toHaveLength(channels.length);
    // One recap per channel that asked something; the quiet channel's slot is done without a post.
    expect(poster.posts.map((p) => p.channelId).sort()).toEqual(channels.slice(0, 5));
    const recap = (channelId: string) => JSON.stringify(poster.posts.find((p) => p.channelId === channelId)!.digest.summary);
    expect(recap('CR1')).toContain('2 questions');
    expect(recap('CR2')).toContain('1 question');
    for (const post of poster.posts) expect(post.digest.nonce).toMatch(/^[\w-]{25}$/);
    await Promise.all(runners.map((r) => r.tick()));
    expect(poster.posts).toHaveLength(5);
    for (const channelId of channels) {
      expect(await replicas[0]!.digests.forChannel('slack', channelId)).toMatchObject({ kind: 'recap', lastSentAt: clock.now().toISOString() });
    }
  });
});
