import type { ConversationTurn } from '../core.ts';
import { hasChinese } from '../text/language.ts';

/**
 * Rewrites a follow-up into a standalone question with a model (src/answer/llm/condense-model.ts);
 * resolves to null when it cannot (the heuristic is used then).
 */
export type FollowUpRewriter = (question: string, history: ConversationTurn[]) => Promise<string | null>;

export interface CondenseOptions {
  /** The person the bot is about, used in rewritten questions ("What did Aidan Gomez say about X?"). */
  guest?: string;
  rewrite?: FollowUpRewriter | null;
}


function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** "what about robots?", "and on hiring?", "那机器人呢?": a new topic in the previous question's frame. */
function switchedTopic(question: string): string | null {
  const en = /^(?:and|but|ok|okay|so)?[\s,]*(?:what|how)\s+about\s+(.+)$|^(?:and|also)\s+(?:about|on|regarding)\s+(.+)$|^(?:and|also)\s+(.{1,40})$/i.exec(question);
  if (en) return (en[1] ?? en[2] ?? en[3] ?? '').trim() || null;
  const zh = /^(?:那么?|还有|关于|那关于|那他对)?\s*(.{1,20}?)(?:方面|的话)?呢$/u.exec(question) ?? /^(?:那|还有)?关于(.{1,20})$/u.exec(question);
  const topic = zh?.[1]?.trim();
  return topic && !/^(?:为什么|为何|怎么|然后|还有|其他|别的)$/u.test(topic) ? topic : null;
}

/** "why?", "how so?", "tell me more", "what did he mean by that?": more on the previous question. */
function elaboratesPrevious(question: string): boolean {
  if (hasChinese(question)) {
    if (question.length > 14) return false;
    return /^(?:那|所以|但是?|可是)?(?:为什么|为何|怎么说|怎么讲|具体|比如|例如|举个例子|还有|然后|展开|详细|什么意思)|他|这|那个|它/u.test(question);
  }
  if (wordCount(question) > 8) return false;
  return (
    /^(?:and|but|so|ok|okay)?[\s,]*(?:why|how come|how so|how$|really|tell me more|more|go on|explain|elaborate|what else|anything else|such as|for example|like what|what do you mean|meaning)\b/i.test(question) ||
    /\b(?:he|him|his|that|this|it|they|them|those|there)\b/i.test(question)
  );
}

function stripEnd(question: string): string {
  return question.trim().replace(/[?？!！。.\s]+$/u, '');
}

/** Rewrites one follow-up against the (already standalone) previous question; no model involved. */
function condenseOne(question: string, previous: string | null, guest: string): string {
  const q = question.trim();
  if (previous === null) return q;
  const bare = stripEnd(q);
  const topic = switchedTopic(bare);
  // "and why?" or "what about his time at Google?" refer back; only a real new topic is swapped in.
  const refersBack = topic !== null && /^(?:why|how|what|when|where|who|that|this|it|those|them|him|his|he)\b/i.test(topic);
  if (topic && !refersBack) {
    return hasChinese(bare) ? `${guest}怎么看${topic}?` : `What did ${guest} say about ${topic}?`;
  }
  if (elaboratesPrevious(bare)) return `${previous} ${q}`;
  return q;
}

/**
 * The heuristic used without a model: short follow-ups carry the previous question's topic
 * ("and why?" → "<previous question> and why?"), "what about X?" asks about X in the same frame.
 * Earlier turns are condensed first, so a chain of follow-ups keeps its topic.
 */
export function condenseHeuristically(question: string, history: ConversationTurn[], guest: string = 'Gomez'): string {
  let previous: string | null = null;
  for (const turn of history) previous = condenseOne(turn.question, previous, guest);
  return condenseOne(question, previous, guest);
}

/**
 * A standalone version of a follow-up question: rewritten by the model when one is given
 * (prompts/condense.md), else, or when the model fails, by the heuristic.
 */
export async function condenseQuestion(question: string, history: ConversationTurn[] = [], options: CondenseOptions = {}): Promise<string> {
  if (!history.length) return question.trim();
  const rewritten = options.rewrite ? await options.rewrite(question.trim(), history) : null;
  return rewritten ?? condenseHeuristically(question, history, options.guest ?? 'Gomez');
}
