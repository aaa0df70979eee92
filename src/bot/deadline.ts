import { GomezError } from '../errors.ts';

/** A core call that outlived its deadline; the user is asked to try again. */
export class AnswerTimeoutError extends GomezError {
  constructor(ms: number) {
    super(
      `core call timed out after ${ms} ms`,
      'That took me too long to answer. Please try again, perhaps with a narrower question.',
    );
  }
}

/** Runs `work` with an abort signal that fires after `ms`; rejects with AnswerTimeoutError then. */
export async function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new AnswerTimeoutError(ms);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
