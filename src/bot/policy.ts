/**
 * The one conversation policy every surface follows (before this, Discord, Slack and the console each
 * had their own). Changing a value here changes it everywhere.
 */
export interface BotPolicy {
  quotesPerPage: number;
  historyTurns: number;
  historyWindowMs: number;
  answerDeadlineMs: number;
  helpExamples: number;
}

export const BOT_POLICY: BotPolicy = {
  /** Quotes shown per answer and per "More quotes" page. */
  quotesPerPage: 3,
  /** Earlier turns of the asker in one conversation that a follow-up may draw on. */
  historyTurns: 6,
  /**
   * Turns older than this are not context: a question asked an hour later starts afresh, and someone
   * returning to a thread the next day is not read as continuing yesterday's question.
   */
  historyWindowMs: 30 * 60_000,
  /** How long one core call may take before the asker is told (privately) to try again. */
  answerDeadlineMs: 60_000,
  /** The number of example questions in help. */
  helpExamples: 3,
};
