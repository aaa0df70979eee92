/**
 * Tracks the work Bolt is doing for delivered requests, so `stop()` can let answers being written finish
 * and tests can wait until every delivered request has been fully handled.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  async run<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.running.add(promise);
    try {
      return await promise;
    } finally {
      this.running.delete(promise);
    }
  }

  /** Resolves once nothing is running (work started meanwhile is waited for too). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
