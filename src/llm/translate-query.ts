import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { log } from '../log.ts';
import type { ModelBudget } from './budget.ts';
import { callChat, type ChatClient } from './chat.ts';
import { ModelError } from './failure.ts';
import { hasChinese } from '../text/language.ts';
import { languageName } from './language.ts';
import { fillTemplate, type ModelPrompts } from './prompts.ts';

const MAX_CHARS = 500;

/**
 * Renders a question in another language (prompts/translate-query.md) so it can be searched against
 * transcripts in that language; null when the model fails or gives nothing usable (search then
 * simply runs on the original question).
 */
export async function translateQuery(
  client: ChatClient,
  prompts: ModelPrompts,
  question: string,
  language: string,
  budget?: ModelBudget,
): Promise<string | null> {
  if (budget && !budget.usable) return null;
  const messages = [
    new SystemMessage(fillTemplate(prompts.translateQuery, { language: languageName(language) })),
    new HumanMessage(question),
  ];
  try {
    const reply = await callChat(client, messages, { timeoutMs: budget?.remainingMs() });
    const line = reply
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean);
    if (line && line.length <= MAX_CHARS && (language !== 'zh' || hasChinese(line))) return line;
    log.warn('query translation gave no usable text', { language });
  } catch (error) {
    const failure = error instanceof ModelError ? error : new ModelError('unknown', String(error));
    budget?.fail(failure);
    log.warn('query translation failed; searching the question as asked', { reason: failure.reason, status: failure.status, detail: failure.message });
  }
  return null;
}
