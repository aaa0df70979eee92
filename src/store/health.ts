import type { Dialect } from './sql/driver.ts';
import type { StateStore } from './state.ts';

/** What /healthz says about the store. */
export interface StoreHealth {
  engine: Dialect;
  ok: boolean;
  latencyMs?: number;
  /** Why it is not ready (no connection details, never a secret). */
  error?: string;
}

/**
 * Asks the store a trivial question. A replica is ready only when its database answers: a load
 * balancer then routes around a replica cut off from PostgreSQL.
 */
export async function checkStore(store: StateStore, timeoutMs = 2_000): Promise<StoreHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      store.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { engine: store.dialect, ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    const code = (cause as { code?: unknown }).code;
    const reason = typeof code === 'string' ? code : cause instanceof Error && /no answer within/.test(cause.message) ? cause.message : 'unreachable';
    return { engine: store.dialect, ok: false, error: reason };
  } finally {
    clearTimeout(timer);
  }
}
