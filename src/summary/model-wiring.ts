import type { Summary } from '../answer/types.ts';
import type { Env } from '../config/env.ts';
import { modelSettings } from '../llm/settings.ts';
import { shortName } from './summarizer.ts';

/**
 * With a model configured (OPENAI_API_KEY / OPENAI_BASE_URL), the summarizer's takeaway rewriter;
 * without one, nothing (extractive summaries). The model client is loaded only in model mode.
 */
export async function summaryModel(env: Env, guestName: string): Promise<{ rewriteTakeaways?: (s: Summary) => Promise<Summary> }> {
  const settings = modelSettings(env);
  if (!settings) return {};
  const [{ createChatClient }, { loadModelPrompts }, { loadSummaryPrompt, withModelTakeaways }] = await Promise.all([
    import('../llm/client.ts'),
    import('../llm/prompts.ts'),
    import('./model-takeaways.ts'),
  ]);
  const options = {
    client: await createChatClient(settings),
    persona: loadModelPrompts().persona,
    prompt: loadSummaryPrompt(),
    guestName,
    guestShortName: shortName(guestName),
  };
  return { rewriteTakeaways: (summary) => withModelTakeaways(summary, options) };
}
