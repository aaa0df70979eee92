import type { Answer } from '../answer/types.ts';
import type { Corpus } from '../corpus/types.ts';
import { log } from '../log.ts';
import type { QuestionLog } from '../store/questions.ts';
import { recordQuestion, type Surface } from './metrics.ts';
import { topicOfAnswer } from './question-topic.ts';

/** Where a surface reports its questions: always the metrics, and the question log when it has a store. */
export interface QuestionObserver {
  corpus: Corpus;
  questions?: QuestionLog;
}

export interface AskedOn {
  surface: Surface;
  question: string;
  /** The platform's user id; only its per-deployment hash is stored. */
  userId?: string;
  answerId?: string;
}

/**
 * Runs one question through `answer`, then counts it (answered, refused or failed, with its latency) and
 * logs it for the insights page. An error is counted and re-thrown for the surface to report; a failure
 * to log never costs the user the answer.
 */
export async function observeQuestion(observer: QuestionObserver, asked: AskedOn, answer: () => Promise<Answer>): Promise<Answer> {
  const started = performance.now();
  let result: Answer;
  try {
    result = await answer();
  } catch (error) {
    note(observer, asked, 'failed', started, null);
    throw error;
  }
  note(observer, asked, result.answered ? 'answered' : 'refused', started, topicOfAnswer(observer.corpus, result));
  return result;
}

function note(observer: QuestionObserver, asked: AskedOn, outcome: 'answered' | 'refused' | 'failed', started: number, topic: string | null): void {
  recordQuestion(asked.surface, outcome, (performance.now() - started) / 1000);
  // Not awaited: the answer does not wait for the insights log, and a failure there only costs the log line.
  observer.questions
    ?.add({
      surface: asked.surface,
      question: asked.question,
      outcome,
      ...(asked.userId !== undefined ? { userId: asked.userId } : {}),
      ...(topic ? { topic } : {}),
      ...(asked.answerId ? { answerId: asked.answerId } : {}),
    })
    .catch((error: unknown) => log.warn('insights: could not log a question', { error }));
}
