import { memoryQuestionLimiter, postgresQuestionLimiter, type QuestionLimiter } from '../question-limits.ts';
import type { StateStore } from '../state.ts';
import { SqlAnswerStore, SqlFeedbackStore } from './answers.ts';
import { SqlConversationStore } from './conversations.ts';
import { SqlDeliveryStore } from './deliveries.ts';
import { SqlDigestStore } from './digests.ts';
import type { SqlDriver } from './driver.ts';
import { SqlInstallationStore } from './installations.ts';
import { SqlQuestionStore } from './questions.ts';
import { SqlSlackInstallationStore } from './slack-installations.ts';

/** The state store over either engine: the SQL is shared, the driver adapts it. */
export class SqlStateStore implements StateStore {
  readonly answers: SqlAnswerStore;
  readonly feedback: SqlFeedbackStore;
  readonly conversations: SqlConversationStore;
  readonly deliveries: SqlDeliveryStore;
  readonly digests: SqlDigestStore;
  readonly installations: SqlInstallationStore;
  readonly questions: SqlQuestionStore;
  readonly slackInstallations: SqlSlackInstallationStore;

  constructor(private readonly driver: SqlDriver) {
    this.answers = new SqlAnswerStore(driver);
    this.feedback = new SqlFeedbackStore(driver);
    this.conversations = new SqlConversationStore(driver);
    this.deliveries = new SqlDeliveryStore(driver);
    this.digests = new SqlDigestStore(driver);
    this.installations = new SqlInstallationStore(driver);
    this.questions = new SqlQuestionStore(driver);
    this.slackInstallations = new SqlSlackInstallationStore(driver);
  }

  get dialect() {
    return this.driver.dialect;
  }

  questionLimiter(perMinute: number): QuestionLimiter {
    const client = this.driver.rateLimitClient;
    return client ? postgresQuestionLimiter(perMinute, client) : memoryQuestionLimiter(perMinute);
  }

  async ping(): Promise<void> {
    await this.driver.query('SELECT 1 AS ok');
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
