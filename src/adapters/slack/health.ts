// Socket Mode runs no HTTP receiver, so /healthz has its own small server (shared with Discord's gateway mode).
export { startHealthServer } from '../health-server.ts';
