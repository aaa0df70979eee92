import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { log } from '../log.ts';

/** Who is asking: limits are per person per workspace per platform. */
export interface Asker {
  platform: string;
  /** Slack team or Discord guild; null in DMs without one. */
  team: string | null;
  user: string;
}

/** Questions per person per minute; shared by every replica in PostgreSQL mode. */
export interface QuestionLimiter {
  /** Counts a question; returns 0 when allowed, else the seconds to wait. */
  take(asker: Asker): Promise<number>;
}

const WINDOW_SECONDS = 60;

/** The client rate-limiter-flexible's RateLimiterPostgres queries (a `pg` Pool, or a test's adapter). */
export interface RateLimitStoreClient {
  client: unknown;
  type: 'pool' | 'client';
}

export function limiterKey(asker: Asker): string {
  return `${asker.platform}:${asker.team ?? '-'}:${asker.user}`;
}

/** Wraps one rate-limiter-flexible limiter: a refusal resolves to the wait; a store failure throws. */
class FlexibleQuestionLimiter implements QuestionLimiter {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  async take(asker: Asker): Promise<number> {
    try {
      await this.limiter.consume(limiterKey(asker));
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }
}

/** SQLite mode: one process, so the limit lives in memory (a restart forgives everyone). */
export function memoryQuestionLimiter(perMinute: number): QuestionLimiter {
  return new FlexibleQuestionLimiter(new RateLimiterMemory({ points: perMinute, duration: WINDOW_SECONDS, keyPrefix: 'questions' }));
}

/**
 * PostgreSQL mode: one counter per person in the `rate_limits` table, shared by every replica. While
 * the database is unreachable an in-memory insurance limiter takes over (per replica, so briefly
 * looser), and questions are never refused just because the counter could not be reached.
 */
export function postgresQuestionLimiter(perMinute: number, store: RateLimitStoreClient): QuestionLimiter {
  const insurance = new RateLimiterMemory({ points: perMinute, duration: WINDOW_SECONDS, keyPrefix: 'questions-insurance' });
  const shared = new RateLimiterPostgres({
    storeClient: store.client,
    storeType: store.type,
    tableName: 'rate_limits',
    tableCreated: true,
    keyPrefix: 'questions',
    points: perMinute,
    duration: WINDOW_SECONDS,
    insuranceLimiter: insurance,
  });
  const limiter = new FlexibleQuestionLimiter(shared);
  return {
    take: (asker) =>
      limiter.take(asker).catch((error: unknown) => {
        // Reached only if the insurance limiter itself failed: let the question through, loudly.
        log.error('rate limit: no limiter answered; allowing the question', { error });
        return 0;
      }),
  };
}
