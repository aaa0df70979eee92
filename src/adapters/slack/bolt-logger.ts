import { LogLevel, type Logger } from '@slack/bolt';
import { log } from '../../log.ts';

/** Bolt's and the Web API client's logs, written through the project logger (JSON lines, secrets redacted). */
export function boltLogger(): Logger {
  let level: LogLevel = LogLevel.INFO;
  let name = 'slack';
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
  return {
    debug: (...msg: unknown[]) => log.debug(text(msg), { component: name }),
    info: (...msg: unknown[]) => log.info(text(msg), { component: name }),
    warn: (...msg: unknown[]) => log.warn(text(msg), { component: name }),
    error: (...msg: unknown[]) => log.error(text(msg), { component: name }),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
