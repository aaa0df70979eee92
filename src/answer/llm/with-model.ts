import type { AskOptions, GomezCore } from '../../core.ts';
import { condenseQuestion } from '../condense.ts';
import { cleanQuestion } from '../input.ts';
import type { Answer } from '../types.ts';
import type { ModelMode } from './model-mode.ts';

const DEFAULT_LIMIT = 3;

/**
 * The core as adapters see it: follow-ups condensed with their thread's history (by the model when
 * one is configured, else by the heuristic), then the extractive answer, then, in model mode, the
 * model's verified answer in its place when it holds up. `answer.question` stays the question as asked.
 */
export function withModelMode(base: GomezCore, mode: ModelMode | null): GomezCore {
  const ask = async (question: string, options: AskOptions = {}): Promise<Answer> => {
    const { history = [], ...rest } = options;
    const asked = cleanQuestion(question);
    const budget = mode?.budget();
    const standalone =
      mode && budget
        ? await mode.condense(asked, history, budget)
        : await condenseQuestion(asked, history, { guest: base.guestName });
    const extractive = { ...(await base.ask(standalone, rest)), question: asked };
    // Paging ("more quotes") continues the extractive ranking, so pages never repeat or skip a quote.
    if (!mode || !budget || (rest.offset ?? 0) > 0) return extractive;
    return mode.answer({
      question: asked,
      standalone,
      extractive,
      limit: rest.limit ?? DEFAULT_LIMIT,
      budget,
      signal: rest.signal,
    });
  };

  return {
    get corpus() {
      return base.corpus;
    },
    get guestName() {
      return base.guestName;
    },
    get botName() {
      return base.botName;
    },
    ask,
    quotes: (topic, options) => base.quotes(topic, options),
    summarize: (options) => base.summarize(options),
    topics: () => base.topics(),
  };
}
