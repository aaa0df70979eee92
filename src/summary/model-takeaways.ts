import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Summary, Theme } from '../answer/types.ts';
import { checkClaim } from '../answer/llm/claim-check.ts';
import type { Passage } from '../corpus/types.ts';
import { isKeywordPair } from './titles.ts';
import { speaksInFirstPerson } from '../answer/llm/voice.ts';
import { callChat, type ChatClient } from '../llm/chat.ts';
import { ModelError } from '../llm/failure.ts';
import { fillTemplate, PROMPTS_DIR } from '../llm/prompts.ts';
import { ConfigError } from '../errors.ts';
import { log } from '../log.ts';

/**
 * Model mode for summaries: the model writes each theme's title and takeaway from that theme's quotes.
 * The quotes themselves stay the extractive ones, already verified (src/answer/verify.ts), so a model
 * can never put words in the guest's mouth; a title or takeaway the quotes do not back (claim-check.ts,
 * the same check as every model answer sentence) keeps its extractive text.
 */
const Reply = z.object({
  takeaways: z.array(z.object({ theme: z.string(), title: z.string().optional(), text: z.string() })),
});

const MAX_TAKEAWAY = 220;
const MAX_TITLE_CHARS = 60;
const MAX_TITLE_WORDS = 8;

/** The theme's quotes as the passages a claim must rest on (their text and the team's translation). */
function quotePassages(theme: Theme): Passage[] {
  return theme.quotes.map((q, i) => ({
    id: `q${i}`,
    sourceId: q.source.id,
    index: i,
    role: 'guest',
    speaker: q.speaker,
    turn: null,
    line: 0,
    start: 0,
    end: q.text.length,
    text: q.text,
    sentences: [{ start: 0, end: q.text.length, text: q.text, ...(q.translation ? { translation: q.translation } : {}) }],
  }));
}

/** A usable title: a short phrase, no quotation marks, not two keywords joined by "and", backed by the quotes. */
function acceptableTitle(title: string, theme: Theme, names: readonly string[]): boolean {
  const line = title.trim();
  return (
    line.length >= 3 &&
    line.length <= MAX_TITLE_CHARS &&
    line.split(/\s+/).length <= MAX_TITLE_WORDS &&
    !/[\n\r"“”「」]/.test(line) &&
    !isKeywordPair(line) &&
    checkClaim(line, quotePassages(theme), names).ok
  );
}

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
    const byTheme = new Map(parsed.data.takeaways.map((t) => [t.theme.trim().toUpperCase(), t]));
    const names = [options.guestName, options.guestShortName];
    let written = 0;
    const themes = summary.themes.map((theme, i) => {
      const reply = byTheme.get(`T${i + 1}`);
      if (!reply) return theme;
      const text = reply.text.trim();
      const takeawayOk = acceptable(text, options.guestShortName) && checkClaim(text, quotePassages(theme), names).ok;
      const titleOk = reply.title !== undefined && acceptableTitle(reply.title, theme, names);
      if (!takeawayOk && !titleOk) return theme;
      written++;
      return { ...theme, ...(titleOk ? { title: reply.title!.trim() } : {}), ...(takeawayOk ? { takeaway: text } : {}) };
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
