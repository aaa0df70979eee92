import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * An OpenAI-compatible endpoint that accepts requests and never answers them: a replica using it posts
 * its placeholder (or defers) and then hangs mid-answer, ready to be killed.
 */
export async function startHangingModel(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const http: Server = createServer(() => undefined);
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
