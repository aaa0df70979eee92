import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectProcessMetrics } from './metrics.ts';
import type { WebHandler } from './routes.ts';

/** A running HTTP server and how to stop it. */
export interface RunningWebServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The web surface on its own server, for when no Slack HTTP receiver runs (Socket Mode, Discord only,
 * no platform at all): the viewer, insights, /metrics and /healthz.
 */
export async function startWebServer(handler: WebHandler, port: number, host?: string): Promise<RunningWebServer> {
  collectProcessMetrics();
  const server: Server = createServer((req, res) => void handler(req, res));
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
