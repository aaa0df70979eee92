import type { ModelError } from './failure.ts';

/**
 * The model time one question may use. Condensing, query translation and the answer call run one
 * after another, so they share one deadline: a hanging server costs the user the configured timeout
 * once, not three times. After a failure of the endpoint itself (timeout, 429, 5xx, refused) the
 * remaining calls of that question are skipped.
 */
export class ModelBudget {
  private readonly deadline: number;
  private failure: ModelError | null = null;

  constructor(timeoutMs: number, private readonly now: () => number = Date.now) {
    this.deadline = now() + timeoutMs;
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - this.now());
  }

  /** False once time is up or the endpoint has failed for this question. */
  get usable(): boolean {
    return this.failure === null && this.remainingMs() > 0;
  }

  get lastFailure(): ModelError | null {
    return this.failure;
  }

  /** Records a failure; failures that say the endpoint is down or slow stop further calls. */
  fail(error: ModelError): void {
    if (error.reason !== 'invalid-answer' && error.reason !== 'malformed-response') this.failure = error;
  }
}
