import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * GET /healthz → "ok" on its own small server, for Socket Mode (where no HTTP receiver runs) so
 * container platforms can still probe the bot. In HTTP mode the route lives on the Bolt receiver.
 */
export async function startHealthServer(port: number, host?: string): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const ok = req.method === 'GET' && new URL(req.url ?? '/', 'http://localhost').pathname === '/healthz';
    res.writeHead(ok ? 200 : 404, { 'content-type': 'text/plain' });
    res.end(ok ? 'ok' : 'not found');
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
