import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../src/adapters/slack/in-flight.ts';
import { dedupeDeliveries } from '../../../src/adapters/slack/middleware.ts';
import { SharedBotState } from '../../../src/bot/shared-state.ts';
import { openTestStore } from '../../store/test-store.ts';

/** Runs the middleware the way Bolt does, reporting whether it let the request through. */
async function passes(middleware: ReturnType<typeof dedupeDeliveries>, body: Record<string, unknown>, retryNum?: number): Promise<boolean> {
  let passed = false;
  const args = { body, context: { retryNum }, next: async () => void (passed = true) };
  // Bolt's middleware args are a large union; only body, context and next are read.
  await middleware(args as unknown as Parameters<typeof middleware>[0]);
  return passed;
}

describe('dedupeDeliveries', () => {
  it('lets each event_id and trigger_id through once', async () => {
    const store = await openTestStore();
    const dedupe = dedupeDeliveries(new SharedBotState(store, { ratePerMinute: 10 }), 30_000);
    expect(await passes(dedupe, { type: 'event_callback', event_id: 'Ev1' })).toBe(true);
    expect(await passes(dedupe, { type: 'event_callback', event_id: 'Ev1' }, 1)).toBe(false);
    expect(await passes(dedupe, { type: 'event_callback', event_id: 'Ev2' }, 1)).toBe(true);
    expect(await passes(dedupe, { command: '/gomez', trigger_id: 't1' })).toBe(true);
    expect(await passes(dedupe, { command: '/gomez', trigger_id: 't1' })).toBe(false);
    expect(await passes(dedupe, { command: '/gomez' })).toBe(true);
    expect(await passes(dedupe, { command: '/gomez' })).toBe(true);
    expect((await store.deliveries.get('slack:event:Ev1'))?.state).toBe('done');
    await store.close();
  });
});

describe('InFlight', () => {
  it('idle() waits for running work, including work started while waiting', async () => {
    const inFlight = new InFlight();
    const done: string[] = [];
    let releaseFirst!: () => void;
    void inFlight.run(async () => {
      await new Promise<void>((r) => (releaseFirst = r));
      done.push('first');
      void inFlight.run(async () => {
        await Promise.resolve();
        done.push('second');
      });
    });
    const idle = inFlight.idle().then(() => done.push('idle'));
    releaseFirst();
    await idle;
    expect(done).toEqual(['first', 'second', 'idle']);
  });
});
