import { wrapCore, type AskOptions, type GomezCore } from '../../core.ts';
import type { ExtractiveAnswerer } from '../extractive.ts';
import type { Answer } from '../types.ts';
import type { ModelMode } from './model-mode.ts';

const DEFAULT_LIMIT = 3;

/**
 * The core as adapters see it: the message read once with its thread's history (reading/read.ts), the
 * extractive answer from that reading, then, in model mode, the model's verified answer in its place
 * when it holds up. `answer.question` stays the question as asked.
 */
export function withModelMode(base: GomezCore, answerer: ExtractiveAnswerer, mode: ModelMode | null): GomezCore {
  const ask = async (question: string, options: AskOptions = {}): Promise<Answer> => {
    const { history = [], ...rest } = options;
    const reading = answerer.read(question, history.map((turn) => turn.question));
    const extractive = await answerer.answer(reading, rest);
    // Paging ("more quotes") continues the extractive ranking, so pages never repeat or skip a quote
    // and never ask the model again.
    if (!mode || (rest.offset ?? 0) > 0 || !extractive.answered) return extractive;
    const budget = mode.budget();
    // The model may word a follow-up better than the reading; without it, or when it fails, the
    // reading's best-supported clause is the standalone question.
    const rewritten = history.length > 0 ? await mode.condense(reading.asked, history, reading.person, budget) : null;
    const standalone = rewritten ?? (await answerer.standalone(reading, rest));
    return mode.answer({
      question: reading.asked,
      standalone,
      person: reading.person,
      extractive,
      limit: rest.limit ?? DEFAULT_LIMIT,
      budget,
      signal: rest.signal,
      callbacks: rest.callbacks,
    });
  };

  return wrapCore(base, { ask });
}
