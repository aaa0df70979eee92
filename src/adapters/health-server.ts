import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The path container platforms and the Docker HEALTHCHECK probe. */
export const HEALTH_PATH = '/healthz';

export interface RunningHealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * GET /healthz on its own small server, for modes with no HTTP receiver of their own (Discord's
 * gateway, Slack's Socket Mode): 200 "ok" while `isHealthy()` holds, else 503, so a bot whose
 * connection is gone is restarted by its platform instead of looking alive.
 */
export async function startHealthServer(port: number, host?: string, isHealthy: () => boolean = () => true): Promise<RunningHealthServer> {
  const server: Server = createServer((req, res) => {
    const found = req.method === 'GET' && new URL(req.url ?? '/', 'http://localhost').pathname === HEALTH_PATH;
    const healthy = found && isHealthy();
    res.writeHead(!found ? 404 : healthy ? 200 : 503, { 'content-type': 'text/plain' });
    res.end(!found ? 'not found' : healthy ? 'ok' : 'unavailable');
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
