import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkStore } from '../store/health.ts';
import type { StateStore } from '../store/state.ts';
import { JSON_TYPE, respond, TEXT } from './respond.ts';

/**
 * GET /healthz: 200 "ok" while the store answers, 503 when it does not (a load balancer then routes
 * around this replica). With `Accept: application/json`, the store's engine and latency as JSON.
 * Without a store there is nothing to wait for: always ready.
 */
export async function respondHealthz(req: IncomingMessage, res: ServerResponse, store: StateStore | undefined): Promise<void> {
  const wantsJson = (req.headers.accept ?? '').includes('application/json');
  // Probes must see the state now, never a cached answer.
  const headers = { 'cache-control': 'no-store' };
  if (!store) {
    if (wantsJson) return respond(res, 200, JSON_TYPE, JSON.stringify({ status: 'ok' }), headers);
    return respond(res, 200, TEXT, 'ok', headers);
  }
  const health = await checkStore(store);
  const status = health.ok ? 200 : 503;
  if (wantsJson) return respond(res, status, JSON_TYPE, JSON.stringify({ status: health.ok ? 'ok' : 'unavailable', store: health }), headers);
  respond(res, status, TEXT, health.ok ? 'ok' : `store unavailable (${health.engine}: ${health.error ?? 'unknown'})`, headers);
}
