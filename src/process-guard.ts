/**
 * Long-running modes (serve, slack, discord) must not end because one request's promise rejected
 * without a handler or one callback threw: both are logged with their detail and the bot keeps
 * serving. What does end the process: SIGINT/SIGTERM (a clean stop), a start-up failure (before
 * anything is served), running out of memory and native crashes, which no handler can catch.
 */
import { log } from './log.ts';

let installed = false;

/** Installs the handlers once per process; later calls are no-ops. */
export function installProcessGuards(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason: unknown) => {
    log.error('unhandled promise rejection; still serving', { error: reason });
  });
  process.on('uncaughtException', (error: Error, origin: string) => {
    log.error('uncaught exception; still serving', { error, origin });
  });
}
