import type { Callbacks } from '@langchain/core/callbacks/manager';
import { join } from 'node:path';
import type { Env } from '../../config/env.ts';
import type { ConversationTurn } from '../../core.ts';
import type { Corpus, Passage } from '../../corpus/types.ts';
import { ModelBudget } from '../../llm/budget.ts';
import type { ChatClient } from '../../llm/chat.ts';
import { createChatClient } from '../../llm/client.ts';
import { createEmbeddings } from '../../llm/embeddings.ts';
import { ModelError } from '../../llm/failure.ts';
import { loadModelPrompts, type ModelPrompts } from '../../llm/prompts.ts';
import { modelSettings } from '../../llm/settings.ts';
import { translateQuery } from '../../llm/translate-query.ts';
import { log } from '../../log.ts';
import { recordModelFallback } from '../../web/metrics.ts';
import { DenseRetriever } from '../../search/dense.ts';
import { EmbeddingCache } from '../../search/embedding-cache.ts';
import type { Person } from '../person.ts';
import type { Answer } from '../types.ts';
import { composeAnswer } from './compose.ts';
import { modelRewriter } from './condense-model.ts';
import { gatherEvidence } from './evidence.ts';
import { quoteToolsFor } from './quote-tools.ts';

/** File under DATA_DIR holding passage embeddings (see EmbeddingCache). */
export const EMBEDDINGS_FILE = 'embeddings.jsonl';

export interface ModelModeOptions {
  corpus: Corpus;
  env: Env;
  /** Where the embeddings cache lives (DATA_DIR); without it vectors are kept in memory only. */
  dataDir?: string;
  /** Lexical search for the person's passages (the core's PassageRetriever), best first. */
  lexical(query: string, person: Person, callbacks?: Callbacks): Promise<Passage[]>;
  /** Prompt folder (tests); defaults to the repository's prompts/. */
  promptsDir?: string;
}

export interface ModelAnswerRequest {
  /** The question as asked. */
  question: string;
  /** The standalone question (condensed follow-up) retrieval and the model work on. */
  standalone: string;
  /** Who it is about (from the question's reading): whose words may be quoted. */
  person: Person;
  /** The answer given without the model: evidence seed and fallback. */
  extractive: Answer;
  limit: number;
  budget: ModelBudget;
  signal?: AbortSignal;
  callbacks?: Callbacks;
}

/**
 * Model mode (OPENAI_API_KEY or OPENAI_BASE_URL set): follow-ups condensed by the model, retrieval
 * widened by a translated query and (optionally) dense vectors, answers composed by ChatOpenAI and
 * verified quote by quote. Every failure falls back to the extractive answer, with the reason logged.
 */
export class ModelMode {
  private constructor(
    private readonly options: ModelModeOptions,
    readonly client: ChatClient,
    readonly prompts: ModelPrompts,
    readonly dense: DenseRetriever | null,
  ) {}

  /** Null when no endpoint is configured (extractive mode). */
  static async create(options: ModelModeOptions): Promise<ModelMode | null> {
    const settings = modelSettings(options.env);
    if (!settings) return null;
    const prompts = loadModelPrompts(options.promptsDir);
    const client = await createChatClient(settings);
    let dense: DenseRetriever | null = null;
    const embeddings = createEmbeddings(settings);
    if (embeddings && settings.embeddingsModel) {
      const dataDir = options.dataDir ?? options.env.DATA_DIR;
      try {
        dense = await DenseRetriever.fromPassages(options.corpus.passages, {
          embeddings,
          model: settings.embeddingsModel,
          cache: new EmbeddingCache(dataDir ? join(dataDir, EMBEDDINGS_FILE) : null),
        });
      } catch (error) {
        log.warn('dense retrieval disabled: embedding the corpus failed', {
          detail: error instanceof Error ? error.message : String(error),
        });
      }
    }
    log.info('model mode on', { model: settings.chatModel, endpoint: settings.baseURL ?? 'api.openai.com', dense: dense !== null });
    return new ModelMode(options, client, prompts, dense);
  }

  /** A fresh time budget for one question. */
  budget(): ModelBudget {
    return new ModelBudget(this.client.settings.timeoutMs);
  }

  /** Standalone question for a follow-up, rewritten by the model; null when it fails (the reading's is used). */
  condense(question: string, history: ConversationTurn[], person: Person, budget: ModelBudget): Promise<string | null> {
    return modelRewriter(this.client, this.prompts, person.name, budget)(question, history);
  }

  /** The model's verified answer, or the extractive one when the model fails or nothing survives verification. */
  async answer(request: ModelAnswerRequest): Promise<Answer> {
    const { budget, extractive } = request;
    // A refusal stands: the model may word an answer better, but not find coverage the evidence
    // thresholds ruled out (that is how weak models answer off-topic questions with real but
    // irrelevant quotes).
    if (!extractive.answered) return extractive;
    const started = Date.now();
    const { person } = request;
    const tools = quoteToolsFor(this.options.corpus, person);
    try {
      if (!budget.usable) throw budget.lastFailure ?? new ModelError('timeout', 'no time left for the answer call');
      const seed = extractive.quotes
        .map((q) => (q.passageId ? this.options.corpus.passages.find((p) => p.id === q.passageId) : undefined))
        .filter((p): p is Passage => p !== undefined);
      const passages = await gatherEvidence(
        {
          corpus: this.options.corpus,
          lexical: (q) => this.options.lexical(q, person, request.callbacks),
          dense: this.dense,
          translate: (q, language, b) => translateQuery(this.client, this.prompts, q, language, b),
          isPersonPassage: tools.isPersonPassage,
        },
        request.standalone,
        budget,
        seed,
      );
      if (!budget.usable) throw budget.lastFailure ?? new ModelError('timeout', 'no time left for the answer call');
      const composed = await composeAnswer(
        { corpus: this.options.corpus, client: this.client, prompts: this.prompts },
        {
          question: request.question,
          standalone: request.standalone,
          passages,
          limit: request.limit,
          budget,
          signal: request.signal,
          callbacks: request.callbacks,
          personName: person.name,
          tools,
        },
      );
      log.info('model answer used', {
        ms: Date.now() - started,
        quotes: composed.answer.quotes.length,
        dropped: composed.rejections.length ? composed.rejections : undefined,
      });
      return composed.answer;
    } catch (error) {
      const failure = error instanceof ModelError ? error : new ModelError('unknown', error instanceof Error ? error.message : String(error));
      budget.fail(failure);
      recordModelFallback(failure.reason);
      log.warn('model answer not used; answering extractively', {
        reason: failure.reason,
        status: failure.status,
        detail: failure.message,
        ms: Date.now() - started,
      });
      return extractive;
    }
  }
}
