import type { Corpus, Passage } from '../../corpus/types.ts';
import type { ModelBudget } from '../../llm/budget.ts';
import { callChat, type ChatClient } from '../../llm/chat.ts';
import { ModelError } from '../../llm/failure.ts';
import { textLanguage } from '../../text/language.ts';
import type { ModelPrompts } from '../../llm/prompts.ts';
import type { Answer } from '../types.ts';
import { answerMessages, passageContext } from './context.ts';
import { parseModelAnswer } from './schema.ts';
import { verifyModelAnswer, type QuoteTools, type Rejection } from './verify-answer.ts';

export interface ComposeRequest {
  /** The question as the user asked it (its language is the answer's language). */
  question: string;
  /** The standalone question (after condensing a follow-up), which the model answers. */
  standalone: string;
  passages: Passage[];
  limit: number;
  budget: ModelBudget;
  signal?: AbortSignal;
  /** Name of the person asked about, as the prompt calls them. */
  personName: string;
  tools: QuoteTools;
}

export interface ComposeDeps {
  corpus: Corpus;
  client: ChatClient;
  prompts: ModelPrompts;
}

/** A composed, verified answer and what verification dropped (for the log). */
export interface Composed {
  answer: Answer;
  rejections: Rejection[];
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/**
 * Asks the model for a structured answer over the passages, then keeps only what verification lets
 * through. Throws a ModelError (reason says why) when the call fails or nothing verifiable is left:
 * the caller answers extractively.
 */
export async function composeAnswer(deps: ComposeDeps, request: ComposeRequest): Promise<Composed> {
  if (!request.passages.length) throw new ModelError('invalid-answer', 'no passages to answer from');
  const language = textLanguage(request.question);
  const context = passageContext(deps.corpus, request.passages);
  const messages = answerMessages(deps.prompts, {
    question: request.standalone,
    guest: request.personName,
    language,
    limit: request.limit,
    context,
  });
  const reply = await callChat(deps.client, messages, {
    json: true,
    timeoutMs: request.budget.remainingMs(),
    signal: request.signal,
  });
  const parsed = parseModelAnswer(reply);
  if (!parsed) throw new ModelError('malformed-response', 'the reply is not the JSON answer the prompt asks for');
  if (!parsed.answered) throw new ModelError('invalid-answer', 'the model found the passages do not answer the question');

  const verified = verifyModelAnswer(parsed, context, request.tools, request.limit);
  const dropped = countBy(verified.rejections);
  if (!verified.quotes.length) throw new ModelError('invalid-answer', `no quote survived verification ${JSON.stringify(dropped)}`);
  if (!verified.sentences.length) throw new ModelError('invalid-answer', `no answer sentence survived verification ${JSON.stringify(dropped)}`);

  return {
    answer: {
      question: request.question,
      answered: true,
      answer: verified.sentences.join(language === 'zh' ? '' : ' '),
      quotes: verified.quotes,
      mode: 'llm',
      language,
    },
    rejections: verified.rejections,
  };
}
