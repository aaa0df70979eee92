import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkStore } from '../../store/health.ts';
import { stateStoreOf } from '../../store/shared-sqlite.ts';
import type { StateStore } from '../../store/state.ts';
import type { Store } from '../../store/store.ts';

/**
 * GET /healthz: 200 "ok" while the store answers, 503 when it does not (the load balancer then routes
 * around this replica). With `Accept: application/json`, the store's engine and latency as JSON.
 */
export async function respondHealthz(req: IncomingMessage, res: ServerResponse, store: Store | StateStore): Promise<void> {
  const health = await checkStore(stateStoreOf(store));
  const status = health.ok ? 200 : 503;
  if ((req.headers.accept ?? '').includes('application/json')) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: health.ok ? 'ok' : 'unavailable', store: health }));
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(health.ok ? 'ok' : `store unavailable (${health.engine}: ${health.error ?? 'unknown'})`);
}

/**
 * GET /healthz → "ok" on its own small server, for Socket Mode (where no HTTP receiver runs) so
 * container platforms can still probe the bot. In HTTP mode the route lives on the Bolt receiver.
 */
export async function startHealthServer(port: number, store: Store | StateStore, host?: string): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const ok = req.method === 'GET' && new URL(req.url ?? '/', 'http://localhost').pathname === '/healthz';
    if (ok) return void respondHealthz(req, res, store);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host }, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
