import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StateStore } from '../../src/store/state.ts';
import type { NewSubscription } from '../../src/store/subscriptions.ts';
import { contractEngines } from './engines.ts';

/**
 * One contract, every engine: SQLite, the real PostgreSQL server, or PGlite (PostgreSQL in
 * WebAssembly) on a machine without a server.
 */
const engines = await contractEngines();

const T0 = new Date('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function subscription(channelId: string, nextDueAt = T0.toISOString()): NewSubscription {
  return {
    platform: 'slack', channelId, workspaceId: 'T1', subscriberId: 'U1', every: 'daily', time: '09:00',
    timezone: 'UTC', weekday: null, topic: null, nextDueAt, seenSources: ['a'],
  };
}

describe.each(engines)('state store contract on $name', (engine) => {
  let store: StateStore;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ store, close } = await engine.open());
  });
  afterEach(async () => {
    await close();
  });

  it('answers the health check', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('keeps answer records and how many quotes were shown', async () => {
    expect(await store.answers.get('a1')).toBeUndefined();
    await store.answers.save({ id: 'a1', platform: 'slack', kind: 'ask', question: 'Q?', answer: 'A.', shown: 3 });
    await store.answers.updateShown('a1', 6);
    expect(await store.answers.get('a1')).toEqual({ id: 'a1', platform: 'slack', kind: 'ask', question: 'Q?', answer: 'A.', shown: 6 });
    await store.answers.save({ id: 'a1', platform: 'slack', kind: 'ask', question: 'Q?', answer: 'B.', shown: 2 });
    expect((await store.answers.get('a1'))?.answer).toBe('B.');
  });

  it('counts one vote per person per answer, the latest winning', async () => {
    const vote = { answerId: 'a1', platform: 'discord' as const, question: 'Q', answer: 'A' };
    await store.feedback.record({ ...vote, userId: 'u1', vote: 1 });
    await store.feedback.record({ ...vote, userId: 'u2', vote: 1 });
    await store.feedback.record({ ...vote, userId: 'u2', vote: -1 });
    expect(await store.feedback.tally('a1')).toEqual({ up: 1, down: 1 });
    expect(await store.feedback.tally('none')).toEqual({ up: 0, down: 0 });
  });

  it('keeps conversation turns in order, with history limits, since and before an answer', async () => {
    expect(await store.conversations.has('c1')).toBe(false);
    await store.conversations.add('c1', { question: 'q1', answer: 'r1', answerId: 'a1' }, at(0));
    await store.conversations.add('c2', { question: 'other', answer: 'x', answerId: 'b1' }, at(1));
    await store.conversations.add('c1', { question: 'q2', answer: 'r2', answerId: 'a2' }, at(60_000));
    await store.conversations.add('c1', { question: 'q3' }, at(120_000));
    expect(await store.conversations.has('c1')).toBe(true);
    expect(await store.conversations.history('c1')).toEqual([
      { question: 'q1', answer: 'r1' }, { question: 'q2', answer: 'r2' }, { question: 'q3', answer: '' },
    ]);
    expect(await store.conversations.history('c1', 1)).toEqual([{ question: 'q3', answer: '' }]);
    expect(await store.conversations.history('c1', 6, at(60_000))).toEqual([{ question: 'q2', answer: 'r2' }, { question: 'q3', answer: '' }]);
    expect(await store.conversations.historyBefore('a2')).toEqual([{ question: 'q1', answer: 'r1' }]);
    expect(await store.conversations.historyBefore('a1')).toEqual([]);
    expect(await store.conversations.historyBefore('unknown')).toEqual([]);
  });

  it("reads a channel's turns and its threads' for a period, oldest first, with LIKE characters taken literally", async () => {
    await store.conversations.add('slack:C1', { question: 'before', answer: 'x' }, at(-1));
    await store.conversations.add('slack:C1', { question: 'in the channel', answer: 'a1' }, at(0));
    await store.conversations.add('slack:C1:1712.0001', { question: 'in a thread', answer: 'a2' }, at(1_000));
    await store.conversations.add('slack:C10', { question: 'another channel', answer: 'x' }, at(2_000));
    await store.conversations.add('slack:C_', { question: 'underscore channel', answer: 'x' }, at(2_500));
    await store.conversations.add('slack:CX:1', { question: 'matches C_ only as a pattern', answer: 'x' }, at(2_600));
    await store.conversations.add('slack:C1', { question: 'at the end (excluded)', answer: 'x' }, at(3_000));
    expect(await store.conversations.under('slack:C1', at(0), at(3_000))).toEqual([
      { question: 'in the channel', answer: 'a1', at: at(0).toISOString() },
      { question: 'in a thread', answer: 'a2', at: at(1_000).toISOString() },
    ]);
    expect((await store.conversations.under('slack:C_', at(0), at(3_000))).map((t) => t.question)).toEqual(['underscore channel']);
  });

  describe('deliveries', () => {
    const claim = { key: 'slack:event:Ev1', platform: 'slack' as const, owner: 'r1', leaseMs: 30_000, payload: { question: 'Q?', channel: 'C1' } };

    it('gives an event to its first claimer only; retries and re-deliveries get nothing', async () => {
      const first = await store.deliveries.claim(claim, at(0));
      expect(first).toMatchObject({ key: 'slack:event:Ev1', state: 'processing', owner: 'r1', attempts: 1, payload: { question: 'Q?', channel: 'C1' }, placeholder: null });
      expect(first?.leaseUntil).toBe(at(30_000).toISOString());
      expect(await store.deliveries.claim({ ...claim, owner: 'r2' }, at(1))).toBeUndefined();
      expect(await store.deliveries.claim(claim, at(40_000))).toBeUndefined();
    });

    it('records the placeholder and extends the lease only for the owner', async () => {
      await store.deliveries.claim(claim, at(0));
      expect(await store.deliveries.setPlaceholder(claim.key, 'r2', { ts: 'x' })).toBe(false);
      expect(await store.deliveries.setPlaceholder(claim.key, 'r1', { ts: '171.5' })).toBe(true);
      expect(await store.deliveries.extendLease(claim.key, 'r1', 30_000, at(20_000))).toBe(true);
      expect(await store.deliveries.extendLease(claim.key, 'r2', 30_000, at(20_000))).toBe(false);
      const row = await store.deliveries.get(claim.key);
      expect(row).toMatchObject({ placeholder: { ts: '171.5' }, leaseUntil: at(50_000).toISOString() });
    });

    it('finishes in one transaction with the answer and the conversation turn', async () => {
      await store.deliveries.claim(claim, at(0));
      const answer = { id: 'ans-1', platform: 'slack' as const, kind: 'ask' as const, question: 'Q?', answer: 'A.', shown: 3 };
      const turn = { conversation: 'slack:C1:1.0', question: 'Q?', answer: 'A.', answerId: 'ans-1' };
      expect(await store.deliveries.complete(claim.key, 'r2', { answer, turn })).toBe(false);
      expect(await store.answers.get('ans-1')).toBeUndefined();
      expect(await store.deliveries.complete(claim.key, 'r1', { answer, turn })).toBe(true);
      expect(await store.deliveries.get(claim.key)).toMatchObject({ state: 'done', answerId: 'ans-1' });
      expect(await store.answers.get('ans-1')).toEqual(answer);
      expect(await store.conversations.history('slack:C1:1.0')).toEqual([{ question: 'Q?', answer: 'A.' }]);
      // Done is final: a second completion writes nothing twice.
      expect(await store.deliveries.complete(claim.key, 'r1', { turn })).toBe(false);
      expect(await store.conversations.history('slack:C1:1.0')).toHaveLength(1);
    });

    it('hands an expired lease to one sweeper, keeping the placeholder; finished ones never', async () => {
      await store.deliveries.claim(claim, at(0));
      await store.deliveries.setPlaceholder(claim.key, 'r1', { ts: '171.5' });
      await store.deliveries.claim({ ...claim, key: 'discord:interaction:9' }, at(0));
      await store.deliveries.complete('discord:interaction:9', 'r1', {});
      expect(await store.deliveries.takeExpired('r2', 30_000, 10, at(29_999))).toEqual([]);
      const taken = await store.deliveries.takeExpired('r2', 30_000, 10, at(30_001));
      expect(taken).toHaveLength(1);
      expect(taken[0]).toMatchObject({ key: claim.key, owner: 'r2', attempts: 2, placeholder: { ts: '171.5' }, payload: claim.payload });
      expect(await store.deliveries.takeExpired('r3', 30_000, 10, at(30_002))).toEqual([]);
      // The first owner lost it: its late completion is refused, the new owner's is accepted.
      expect(await store.deliveries.complete(claim.key, 'r1', {})).toBe(false);
      expect(await store.deliveries.complete(claim.key, 'r2', {})).toBe(true);
    });

    it('fails a delivery for good and prunes finished records', async () => {
      await store.deliveries.claim(claim, at(0));
      expect(await store.deliveries.fail(claim.key, 'r1', at(1))).toBe(true);
      expect(await store.deliveries.takeExpired('r2', 30_000, 10, at(60_000))).toEqual([]);
      await store.deliveries.claim({ ...claim, key: 'k-open' }, at(0));
      expect(await store.deliveries.prune(3_600_000, at(3_600_000 + 10))).toBe(1);
      expect(await store.deliveries.get(claim.key)).toBeUndefined();
      expect(await store.deliveries.get('k-open')).toBeDefined();
    });
  });

  describe('digests', () => {
    it('keeps one subscription per channel; subscribing again updates it and re-enables it', async () => {
      const first = await store.digests.upsert(subscription('C1'), at(0));
      expect(first).toMatchObject({ platform: 'slack', channelId: 'C1', active: true, seenSources: ['a'], lastSentAt: null, failures: 0, weekday: null });
      const again = await store.digests.upsert({ ...subscription('C1'), every: 'weekly', weekday: 1, topic: 'data' }, at(1));
      expect(again).toMatchObject({ id: first.id, every: 'weekly', weekday: 1, topic: 'data' });
      await store.digests.upsert({ ...subscription('C2'), workspaceId: 'T2' });
      expect((await store.digests.list('slack', 'T1')).map((s) => s.channelId)).toEqual(['C1']);
      expect((await store.digests.list('slack')).map((s) => s.channelId)).toEqual(['C1', 'C2']);
      expect(await store.digests.get(first.id)).toMatchObject({ channelId: 'C1' });
      expect(await store.digests.remove('slack', 'C2')).toBe(true);
      expect(await store.digests.remove('slack', 'C2')).toBe(false);
      expect(await store.digests.forChannel('slack', 'C2')).toBeUndefined();
    });

    it('keeps what a subscription posts: the digest by default, or the channel recap', async () => {
      expect((await store.digests.upsert(subscription('C1'))).kind).toBe('summary');
      const recap = await store.digests.upsert({ ...subscription('C1'), kind: 'recap' });
      expect(recap.kind).toBe('recap');
      expect((await store.digests.due('slack', at(0)))[0]).toMatchObject({ channelId: 'C1', kind: 'recap' });
      expect((await store.digests.upsert({ ...subscription('C1'), kind: 'summary' })).kind).toBe('summary');
    });

    it('claims a due slot once, posts it, and records what was shown', async () => {
      const sub = await store.digests.upsert(subscription('C1'));
      await store.digests.upsert(subscription('C-later', at(3_600_000).toISOString()));
      expect((await store.digests.due('slack', at(0))).map((s) => s.channelId)).toEqual(['C1']);
      expect(await store.digests.due('discord', at(0))).toEqual([]);
      const next = at(86_400_000).toISOString();
      const slot = await store.digests.claimSlot({ subscription: sub, nextDueAt: next, owner: 'r1', leaseMs: 60_000 }, at(5));
      expect(slot).toMatchObject({ subscriptionId: sub.id, slot: T0.toISOString(), state: 'processing', owner: 'r1', attempts: 1 });
      expect(slot?.nonce).toMatch(/^[\w-]{25}$/);
      expect(await store.digests.claimSlot({ subscription: sub, nextDueAt: next, owner: 'r2', leaseMs: 60_000 }, at(6))).toBeUndefined();
      expect(await store.digests.due('slack', at(10))).toEqual([]);
      expect(await store.digests.completeSlot(slot!, { at: at(10), themes: ['t1'], quotes: ['q1'], sources: ['a', 'b'] })).toBe(true);
      expect(await store.digests.completeSlot(slot!, { at: at(10), themes: [], quotes: [], sources: [] })).toBe(false);
      expect(await store.digests.get(sub.id)).toMatchObject({
        nextDueAt: next, lastSentAt: at(10).toISOString(), lastThemes: ['t1'], lastQuotes: ['q1'], seenSources: ['a', 'b'],
      });
    });

    it('gives a slot back after a passing failure, skips it after too many, and disables a gone channel', async () => {
      let sub = await store.digests.upsert(subscription('C1'));
      const next = at(86_400_000).toISOString();
      const slot = (await store.digests.claimSlot({ subscription: sub, nextDueAt: next, owner: 'r1', leaseMs: 60_000 }, at(0)))!;
      await store.digests.releaseSlot(slot, 1);
      sub = (await store.digests.get(sub.id))!;
      expect(sub).toMatchObject({ nextDueAt: T0.toISOString(), failures: 1 });
      const again = (await store.digests.claimSlot({ subscription: sub, nextDueAt: next, owner: 'r2', leaseMs: 60_000 }, at(1)))!;
      expect(again).toMatchObject({ owner: 'r2', nonce: slot.nonce });
      await store.digests.skipSlot(again);
      expect(await store.digests.get(sub.id)).toMatchObject({ nextDueAt: next, failures: 0 });

      const other = await store.digests.upsert(subscription('C9'));
      const otherSlot = (await store.digests.claimSlot({ subscription: other, nextDueAt: next, owner: 'r1', leaseMs: 60_000 }, at(0)))!;
      await store.digests.disable(otherSlot, 'channel_not_found');
      expect(await store.digests.get(other.id)).toMatchObject({ active: false, disabledReason: 'channel_not_found' });
      expect(await store.digests.takeExpiredSlots('slack', 'r3', 60_000, 10, at(3_600_000))).toEqual([]);
      expect((await store.digests.upsert(subscription('C9'))).active).toBe(true);
    });

    it('hands a slot whose lease ran out (claimed, never posted) to one other replica', async () => {
      const sub = await store.digests.upsert(subscription('C1'));
      const slot = (await store.digests.claimSlot({ subscription: sub, nextDueAt: at(86_400_000).toISOString(), owner: 'r1', leaseMs: 60_000 }, at(0)))!;
      expect(await store.digests.takeExpiredSlots('slack', 'r2', 60_000, 10, at(59_000))).toEqual([]);
      expect(await store.digests.takeExpiredSlots('discord', 'r2', 60_000, 10, at(61_000))).toEqual([]);
      const taken = await store.digests.takeExpiredSlots('slack', 'r2', 60_000, 10, at(61_000));
      expect(taken).toEqual([{ ...slot, owner: 'r2', attempts: 2, leaseUntil: at(121_000).toISOString() }]);
      expect(await store.digests.completeSlot(slot, { at: at(62_000), themes: [], quotes: [], sources: [] })).toBe(false);
      expect(await store.digests.completeSlot(taken[0]!, { at: at(62_000), themes: ['t'], quotes: [], sources: [] })).toBe(true);
    });
  });

  it('keeps installations per platform and team', async () => {
    await store.installations.save('slack', 'T1', { botToken: 'enc:1' }, at(0));
    await store.installations.save('slack', 'T1', { botToken: 'enc:2' }, at(5));
    expect(await store.installations.get('slack', 'T1')).toEqual({
      platform: 'slack', teamId: 'T1', data: { botToken: 'enc:2' }, installedAt: at(0).toISOString(), updatedAt: at(5).toISOString(),
    });
    expect(await store.installations.get('slack', 'T2')).toBeUndefined();
    expect(await store.installations.remove('slack', 'T1')).toBe(true);
    expect(await store.installations.get('slack', 'T1')).toBeUndefined();
  });

  it('allows a person the configured questions per minute, separately per platform, team and person', async () => {
    const limiter = store.questionLimiter(3);
    const asker = { platform: 'slack', team: 'T1', user: 'U1' };
    const waits = [];
    for (let i = 0; i < 5; i++) waits.push(await limiter.take(asker));
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThanOrEqual(1);
    expect(waits[3]).toBeLessThanOrEqual(60);
    expect(await limiter.take({ ...asker, user: 'U2' })).toBe(0);
    expect(await limiter.take({ ...asker, team: 'T2' })).toBe(0);
    expect(await limiter.take({ ...asker, platform: 'discord' })).toBe(0);
  });
});
