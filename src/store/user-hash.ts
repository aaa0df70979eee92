import { createHmac } from 'node:crypto';
import type { QuestionStore } from './state.ts';

/**
 * Pseudonyms for user ids: an HMAC under a secret made once per deployment and kept in its store, so
 * curators can see that two votes came from one person without learning who, and the same user id gives
 * unrelated hashes in two deployments. Every replica reads the same secret, so hashes agree across them.
 */
export class UserHasher {
  constructor(private readonly secret: Buffer) {}

  static async of(questions: Pick<QuestionStore, 'deploymentSecret'>): Promise<UserHasher> {
    return new UserHasher(await questions.deploymentSecret());
  }

  /** 12 hex characters, stable for one user of one platform in this deployment. */
  hash(platform: string, userId: string): string {
    return createHmac('sha256', this.secret).update(`${platform}:${userId}`).digest('hex').slice(0, 12);
  }
}
