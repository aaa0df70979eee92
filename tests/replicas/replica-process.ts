import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/gomez.js', import.meta.url));

/** One `gomez slack` (or `gomez discord`) process, a replica, HTTP mode on its own port of 127.0.0.1. */
export interface Replica {
  port: number;
  url: string;
  child: ChildProcess;
  /** What it wrote to stderr (its logs), for a failing test's message. */
  stderr(): string;
  /** SIGKILL: no shutdown, no cleanup, leases left as they were. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** A port nobody is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/**
 * Starts a replica (`gomez slack` unless `command` says `discord`) and waits until its /healthz answers
 * 200 (store reachable, app listening).
 */
export async function startReplica(env: Record<string, string>, readyWithinMs = 90_000, command: 'slack' | 'discord' = 'slack'): Promise<Replica> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'gomez-replica-'));
  const child = spawn(process.execPath, [bin, command], {
    env: { ...process.env, GOMEZ_FROM_SOURCE: '1', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', DISCORD_TOKEN: '', SLACK_APP_TOKEN: '', LOG_LEVEL: 'warn', DATA_DIR: dataDir, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const replica: Replica = {
    port,
    url,
    child,
    stderr: () => log,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`replica exited with ${child.exitCode} before it was ready:\n${log}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return replica;
    if (Date.now() > deadline) {
      await replica.kill();
      throw new Error(`replica not ready within ${readyWithinMs} ms:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Resolves when `test` holds, polling; rejects naming `what` after `ms`. */
export async function eventually(what: string, test: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
