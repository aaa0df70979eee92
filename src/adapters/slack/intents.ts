/** What a message addressed to the bot asks for: an answer, or a summary ("summarize [topic]"). */
export type MessageIntent =
  | { kind: 'ask'; question: string }
  | { kind: 'summary'; topic?: string }
  | { kind: 'recap'; days?: string };

/** "recap", "recap 30", "recap 30 days": the channel's recap (a question merely mentioning recaps is a question). */
const RECAP = /^(?:please\s+)?recap\b\s*(\d{1,3}(?:\s*d(?:ays?)?)?)?\s*[?.!]*$/i;

const SUMMARY = /^(?:please\s+)?(?:summari[sz]e|summary|digest)\b[\s:,-]*(?:(?:about|on|of)\s+)?(.*)$/i;

export function intentOf(text: string): MessageIntent {
  const recap = RECAP.exec(text.trim());
  if (recap) return recap[1] ? { kind: 'recap', days: recap[1] } : { kind: 'recap' };
  const summary = SUMMARY.exec(text.trim());
  if (summary) {
    const topic = summary[1]?.trim().replace(/[?.!]+$/, '');
    return topic ? { kind: 'summary', topic } : { kind: 'summary' };
  }
  return { kind: 'ask', question: text.trim() };
}
