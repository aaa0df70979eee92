/** What a message addressed to the bot asks for: an answer, or a summary ("summarize [topic]"). */
export type MessageIntent = { kind: 'ask'; question: string } | { kind: 'summary'; topic?: string };

const SUMMARY = /^(?:please\s+)?(?:summari[sz]e|summary|digest)\b[\s:,-]*(?:(?:about|on|of)\s+)?(.*)$/i;

export function intentOf(text: string): MessageIntent {
  const summary = SUMMARY.exec(text.trim());
  if (summary) {
    const topic = summary[1]?.trim().replace(/[?.!]+$/, '');
    return topic ? { kind: 'summary', topic } : { kind: 'summary' };
  }
  return { kind: 'ask', question: text.trim() };
}
