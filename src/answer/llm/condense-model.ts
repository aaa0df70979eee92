import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { ConversationTurn } from '../../core.ts';
import type { ModelBudget } from '../../llm/budget.ts';
import { callChat, type ChatClient } from '../../llm/chat.ts';
import { ModelError } from '../../llm/failure.ts';
import { fillTemplate, type ModelPrompts } from '../../llm/prompts.ts';
import { log } from '../../log.ts';

/** Rewrites a follow-up into a standalone question with the model; resolves to null when it cannot. */
export type FollowUpRewriter = (question: string, history: ConversationTurn[]) => Promise<string | null>;

/** Earlier turns given to the model: the last few are enough to resolve "why?" and "and X?". */
const MAX_TURNS = 6;
const MAX_ANSWER_CHARS = 400;
const MAX_QUESTION_CHARS = 500;

function conversationText(history: ConversationTurn[]): string {
  return history
    .slice(-MAX_TURNS)
    .map((turn) => {
      const answer = turn.answer ? `\nBot: ${turn.answer.slice(0, MAX_ANSWER_CHARS)}` : '';
      return `User: ${turn.question}${answer}`;
    })
    .join('\n');
}

/** The model's reply reduced to one question line, or null if it is not usable. */
function cleanReply(reply: string): string | null {
  const line = reply
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean);
  if (!line) return null;
  const text = line
    .replace(/^(?:standalone question|question|独立问题|问题)\s*[:：]\s*/i, '')
    .replace(/^["“「](.*)["”」]$/u, '$1')
    .trim();
  return text && text.length <= MAX_QUESTION_CHARS ? text : null;
}

/** A follow-up rewriter backed by the chat model (prompts/condense.md), sharing the question's budget. */
export function modelRewriter(client: ChatClient, prompts: ModelPrompts, guest: string, budget: ModelBudget): FollowUpRewriter {
  return async (question, history) => {
    if (!budget.usable) return null;
    const messages = [
      new SystemMessage(fillTemplate(prompts.condense, { guest })),
      new HumanMessage(`Conversation so far:\n${conversationText(history)}\n\nNewest message: ${question}`),
    ];
    try {
      const standalone = cleanReply(await callChat(client, messages, { timeoutMs: budget.remainingMs() }));
      if (standalone) return standalone;
      log.warn('model condensing gave no usable question; using the question reading');
    } catch (error) {
      const failure = error instanceof ModelError ? error : new ModelError('unknown', String(error));
      budget.fail(failure);
      log.warn('model condensing failed; using the question reading', { reason: failure.reason, status: failure.status, detail: failure.message });
    }
    return null;
  };
}
