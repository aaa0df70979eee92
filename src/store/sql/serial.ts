/**
 * Runs async tasks one at a time, in call order. better-sqlite3 has one connection: without this, a
 * statement of one caller could land inside another caller's open transaction between two awaits.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
