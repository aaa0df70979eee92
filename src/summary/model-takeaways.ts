import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Summary } from '../answer/types.ts';
import { speaksInFirstPerson } from '../answer/llm/voice.ts';
import { callChat, type ChatClient } from '../llm/chat.ts';
import { ModelError } from '../llm/failure.ts';
import { fillTemplate, PROMPTS_DIR } from '../llm/prompts.ts';
import { ConfigError } from '../errors.ts';
import { log } from '../log.ts';

/**
 * Model mode for summaries: the model rewrites each theme's takeaway from that theme's quotes. The
 * quotes themselves stay the extractive ones, already verified (src/answer/verify.ts), so a model can
 * never put words in the guest's mouth; a takeaway that fails the checks keeps its extractive line.
 */
const Reply = z.object({
  takeaways: z.array(z.object({ theme: z.string(), text: z.string() })),
});

const MAX_TAKEAWAY = 220;

export function loadSummaryPrompt(dir: string = PROMPTS_DIR): string {
  try {
    return readFileSync(join(dir, 'summary.md'), 'utf8').trim();
  } catch (error) {
    throw new ConfigError(`Prompt file prompts/summary.md is missing or unreadable (${(error as Error).message}).`);
  }
}

/** A usable takeaway: one line, short, about the guest in the third person, quoting nothing. */
function acceptable(text: string, guestShortName: string): boolean {
  const line = text.trim();
  return (
    line.length >= 12 &&
    line.length <= MAX_TAKEAWAY &&
    !/[\n\r]/.test(line) &&
    !/["“”「」]/.test(line) &&
    line.includes(guestShortName) &&
    !speaksInFirstPerson(line)
  );
}

function themesText(summary: Summary): string {
  return summary.themes
    .map((theme, i) => {
      const quotes = theme.quotes.map((q) => `  - original: ${q.text}\n    translation: ${q.translation ?? q.text}`).join('\n');
      return `T${i + 1}. ${theme.title}\n${quotes}`;
    })
    .join('\n\n');
}

export interface ModelTakeawayOptions {
  client: ChatClient;
  persona: string;
  prompt: string;
  guestName: string;
  guestShortName: string;
}

/**
 * Returns the summary with model-written takeaways where they pass the checks (mode "llm" when at
 * least one does). Any model failure leaves the extractive summary as it was.
 */
export async function withModelTakeaways(summary: Summary, options: ModelTakeawayOptions): Promise<Summary> {
  if (!summary.answered || summary.themes.length === 0) return summary;
  const values = { guest: options.guestName };
  const messages = [
    new SystemMessage(`${fillTemplate(options.persona, values)}\n\n${fillTemplate(options.prompt, values)}`),
    new HumanMessage(`Themes:\n\n${themesText(summary)}`),
  ];
  try {
    const raw = await callChat(options.client, messages, { json: true });
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ModelError('malformed-response', 'summary takeaways are not JSON');
    }
    const parsed = Reply.safeParse(json);
    if (!parsed.success) throw new ModelError('malformed-response', 'summary takeaways do not match the schema');
    const byTheme = new Map(parsed.data.takeaways.map((t) => [t.theme.trim().toUpperCase(), t.text.trim()]));
    let written = 0;
    const themes = summary.themes.map((theme, i) => {
      const text = byTheme.get(`T${i + 1}`);
      if (!text || !acceptable(text, options.guestShortName)) return theme;
      written++;
      return { ...theme, takeaway: text };
    });
    log.info('summary: model takeaways', { written, themes: themes.length });
    return written > 0 ? { ...summary, themes, mode: 'llm' } : summary;
  } catch (error) {
    log.warn('summary: model takeaways failed, keeping the extractive ones', {
      reason: error instanceof ModelError ? error.reason : 'unknown',
      error,
    });
    return summary;
  }
}
