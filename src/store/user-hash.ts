import { createHmac, randomBytes } from 'node:crypto';
import type { Store } from './store.ts';

const SECRET_KEY = 'user-hash-secret';

/**
 * Pseudonyms for user ids: an HMAC under a secret made once per deployment and kept in its store, so
 * curators can see that two votes came from one person without learning who, and the same user id gives
 * unrelated hashes in two deployments.
 */
export class UserHasher {
  private readonly secret: Buffer;

  constructor(store: Store) {
    store.db.prepare('INSERT OR IGNORE INTO deployment (key, value) VALUES (?, ?)').run(SECRET_KEY, randomBytes(32).toString('hex'));
    const row = store.db.prepare('SELECT value FROM deployment WHERE key = ?').get(SECRET_KEY) as { value: string };
    this.secret = Buffer.from(row.value, 'hex');
  }

  /** 12 hex characters, stable for one user of one platform in this deployment. */
  hash(platform: string, userId: string): string {
    return createHmac('sha256', this.secret).update(`${platform}:${userId}`).digest('hex').slice(0, 12);
  }
}
