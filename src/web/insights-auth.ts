import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type Access = 'disabled' | 'denied' | 'granted';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Whether a request may see insights: never when INSIGHTS_TOKEN is unset (the page does not exist),
 * else only with the token as `Authorization: Bearer <token>` or `?token=<token>` (for a browser).
 * Compared in constant time.
 */
export function insightsAccess(req: IncomingMessage, url: URL, token: string | undefined): Access {
  if (!token) return 'disabled';
  const header = req.headers.authorization;
  const given = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : url.searchParams.get('token');
  if (!given) return 'denied';
  return timingSafeEqual(digest(given), digest(token)) ? 'granted' : 'denied';
}
