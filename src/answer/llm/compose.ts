import type { Corpus, Passage } from '../../corpus/types.ts';
import type { ModelBudget } from '../../llm/budget.ts';
import { withDeadline, type ChatClient } from '../../llm/chat.ts';
import { languageName } from '../../llm/language.ts';
import { ANSWER_JSON_SCHEMA, answerPrompt, type AnswerPromptValues } from '../../llm/templates.ts';
import type { Callbacks } from '@langchain/core/callbacks/manager';
import { ModelError } from '../../llm/failure.ts';
import { textLanguage } from '../../text/language.ts';
import type { ModelPrompts } from '../../llm/prompts.ts';
import type { Answer } from '../types.ts';
import { passageContext } from './context.ts';
import { parseModelAnswer, type ModelAnswer } from './schema.ts';
import { log } from '../../log.ts';
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
  callbacks?: Callbacks;
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
  const values = {
    guest: request.personName,
    language: languageName(language),
    limit: String(request.limit),
    question: request.standalone,
    passages: context.text,
  };
  const parsed = await structuredAnswer(deps, values, request);
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

/**
 * The model's answer as a LangChain chain: the prompt template piped into the model with structured
 * output (json_schema) where the server supports it; a server that rejects that request (4xx) gets
 * the same prompt in JSON mode (`response_format: json_object`), as every OpenAI-compatible server does.
 */
async function structuredAnswer(deps: ComposeDeps, values: AnswerPromptValues, request: ComposeRequest): Promise<ModelAnswer | null> {
  const prompt = answerPrompt(deps.prompts);
  const options = { timeoutMs: request.budget.remainingMs(), signal: request.signal, callbacks: request.callbacks };
  try {
    const chain = prompt.pipe(deps.client.model.withStructuredOutput(ANSWER_JSON_SCHEMA, { name: 'answer', method: 'jsonSchema', includeRaw: true }));
    const out = await withDeadline(deps.client, (config) => chain.invoke(values, { ...config, runName: 'gomez:answer' }), options);
    // A reply the strict parser refused (prose around the JSON, a missing field) gets the lenient one.
    return out.parsed ? parseModelAnswer(JSON.stringify(out.parsed)) : parseModelAnswer(out.raw.text);
  } catch (error) {
    if (!(error instanceof ModelError) || error.reason !== 'http-error') throw error;
    log.info('structured output refused by the server; asking in JSON mode', { status: error.status });
  }
  const jsonMode = prompt.pipe(deps.client.model.withConfig({ response_format: { type: 'json_object' } } as never));
  const reply = await withDeadline(deps.client, (config) => jsonMode.invoke(values, { ...config, runName: 'gomez:answer-json-mode' }), {
    ...options,
    timeoutMs: request.budget.remainingMs(),
  });
  return parseModelAnswer(reply.text);
}
