/** Block Kit action ids of the buttons under an answer; the button `value` is the stored answer id. */
export const ACTION_IDS = {
  moreQuotes: 'gomez_more_quotes',
  feedbackUp: 'gomez_feedback_up',
  feedbackDown: 'gomez_feedback_down',
} as const;
