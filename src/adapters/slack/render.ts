import type { types } from '@slack/bolt';
import type { Answer, Quote, Summary } from '../../answer/types.ts';
import type { HelpText } from '../../bot/types.ts';
import { ACTION_IDS } from './action-ids.ts';
import { fitText } from './fit.ts';
import { escapeMrkdwn, mrkdwnLink } from './mrkdwn.ts';

/**
 * The one place Answer and Summary become Block Kit. Every string that is not our own markup goes through
 * escapeMrkdwn, so nothing rendered here can ping anyone; every text is cut to Slack's limits.
 */

type Block = types.KnownBlock;

/** A message ready for chat.postMessage / chat.update / respond. */
export interface SlackMessage {
  /** Plain fallback for notifications and clients without Block Kit. */
  text: string;
  blocks: Block[];
}

export const LIMITS = {
  sectionText: 3000,
  contextText: 3000,
  blocksPerMessage: 50,
  fallbackText: 3000,
} as const;

export interface AnswerView {
  /** Stored answer id: enables the buttons. */
  answerId?: string;
  /** Offer "More quotes" (the core has more than the quotes shown). */
  moreAvailable?: boolean;
  /** Echo the question above the answer (slash commands, where Slack does not show what was asked). */
  showQuestion?: boolean;
}

export function renderAnswer(answer: Answer, view: AnswerView = {}): SlackMessage {
  const head: Block[] = [];
  if (view.showQuestion) head.push(context(`*Q:* ${escapeMrkdwn(answer.question)}`));
  // Slack rejects an empty section text, so an empty lead gets no block rather than a broken message.
  if (answer.answer.trim()) head.push(section(escapeMrkdwn(answer.answer)));

  const tail: Block[] = [];
  // The core's refusal often names the nearby topics already; list them only when it does not.
  const unnamed = (answer.suggestions ?? []).filter((topic) => !answer.answer.includes(topic));
  if (!answer.answered && unnamed.length) {
    tail.push(context(`Topics I can speak to: ${unnamed.map(escapeMrkdwn).join(' · ')}`));
  }
  if (view.answerId) tail.push(answerButtons(view.answerId, view.moreAvailable === true));

  const { blocks, dropped } = assemble(head, answer.quotes.map(quoteBlocks), tail);
  const fallback = [answer.answer, ...answer.quotes.map(quoteFallback)].filter(Boolean).join('\n\n') || answer.question;
  return {
    text: fitText(escapeMrkdwn(fallback), LIMITS.fallbackText),
    blocks: dropped ? blocks.map((b) => withoutMoreButton(b)) : blocks,
  };
}

export function renderSummary(summary: Summary, guestName: string): SlackMessage {
  const about = summary.topic ? ` about ${escapeMrkdwn(summary.topic)}` : '';
  const head: Block[] = [section(`*What ${escapeMrkdwn(guestName)} said${about}*`)];
  if (summary.note?.trim()) head.push(section(escapeMrkdwn(summary.note)));
  const groups = summary.themes.map((theme) => [
    section(`*${escapeMrkdwn(theme.title)}*\n${escapeMrkdwn(theme.takeaway)}`),
    ...theme.quotes.flatMap(quoteBlocks),
  ]);
  const { blocks } = assemble(head, groups, []);
  const fallback = [
    `What ${guestName} said${summary.topic ? ` about ${summary.topic}` : ''}`,
    ...(summary.note ? [summary.note] : []),
    ...summary.themes.map((t) => `${t.title}: ${t.takeaway}`),
  ].join('\n');
  return { text: fitText(escapeMrkdwn(fallback), LIMITS.fallbackText), blocks };
}

/** A short notice (errors, rate limits, acknowledgements): plain escaped text. */
export function renderNotice(text: string): SlackMessage {
  const safe = fitText(escapeMrkdwn(text), LIMITS.sectionText);
  return { text: safe, blocks: [section(safe)] };
}

/** One line of help: how to call a command and what it does. */
export interface CommandHelp {
  usage: string;
  description: string;
}

export function renderHelp(botName: string, guestName: string, commands: CommandHelp[]): SlackMessage {
  const lines = [
    `*${escapeMrkdwn(botName)}* answers what ${escapeMrkdwn(guestName)} said, with verbatim quotes from the interview transcripts.`,
    ...commands.map((c) => `• \`${escapeMrkdwn(c.usage)}\`: ${escapeMrkdwn(c.description)}`),
    '• Mention me in a channel and I answer in the thread; reply in that thread to ask a follow-up. DMs work too.',
  ];
  const text = fitText(lines.join('\n'), LIMITS.sectionText);
  return { text, blocks: [section(text)] };
}

/** Help with example questions from the corpus topics, then the commands when the caller used one. */
export function renderHelpText(help: HelpText, commands: CommandHelp[] = []): SlackMessage {
  const lines = [
    escapeMrkdwn(help.intro),
    '*Try:*',
    ...help.examples.map((e) => `• ${escapeMrkdwn(e)}`),
    ...commands.map((c) => `• \`${escapeMrkdwn(c.usage)}\`: ${escapeMrkdwn(c.description)}`),
    `• Mention me (@${escapeMrkdwn(help.botName)}) in a channel and I answer in the thread; ask a follow-up there, no mention needed. DMs and the assistant view work too.`,
  ];
  const text = fitText(lines.join('\n'), LIMITS.sectionText);
  return { text, blocks: [section(text)] };
}

/** The blocks of one quote: the original text as a mrkdwn quote, then translation, speaker and source. */
function quoteBlocks(quote: Quote): Block[] {
  const quoted = fitText(escapeMrkdwn(quote.text), LIMITS.sectionText - 200)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const elements: string[] = [];
  if (quote.translation) {
    elements.push(fitText(`_Translation:_ ${escapeMrkdwn(quote.translation)}`, LIMITS.contextText));
  }
  const where = [quote.source.title, quote.source.locator].filter(Boolean).join(', ');
  // With PUBLIC_URL the title opens the transcript viewer at the quote; the media link stays beside it.
  const parts = [`— *${escapeMrkdwn(quote.speaker)}*, ${mrkdwnLink(quote.source.link ?? quote.source.url, where)}`];
  if (quote.source.link) parts.push(mrkdwnLink(quote.source.url, 'media'));
  if (quote.source.article) parts.push(`via ${escapeMrkdwn(quote.source.article)}`);
  elements.push(parts.join(' · '));
  return [
    section(quoted),
    { type: 'context', elements: elements.map((text) => ({ type: 'mrkdwn', text })) },
  ];
}

function quoteFallback(quote: Quote): string {
  const translation = quote.translation ? ` (${quote.translation})` : '';
  return `“${quote.text}”${translation} — ${quote.speaker}, ${quote.source.title}`;
}

function answerButtons(answerId: string, more: boolean): Block {
  const button = (text: string, action_id: string) => ({
    type: 'button' as const,
    text: { type: 'plain_text' as const, text, emoji: true },
    action_id,
    value: answerId,
  });
  return {
    type: 'actions',
    block_id: 'gomez_answer_actions',
    elements: [
      ...(more ? [button('More quotes', ACTION_IDS.moreQuotes)] : []),
      button('👍', ACTION_IDS.feedbackUp),
      button('👎', ACTION_IDS.feedbackDown),
    ],
  };
}

function withoutMoreButton(block: Block): Block {
  if (block.type !== 'actions') return block;
  return { ...block, elements: block.elements.filter((e) => !('action_id' in e && e.action_id === ACTION_IDS.moreQuotes)) };
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: fitText(text, LIMITS.sectionText) } };
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: fitText(text, LIMITS.contextText) }] };
}

/**
 * Head, then whole groups (a quote with its attribution, a theme with its quotes) while they fit, then
 * the tail: a group is never split, so a quote never loses its speaker line to the 50-block limit.
 */
function assemble(head: Block[], groups: Block[][], tail: Block[]): { blocks: Block[]; dropped: boolean } {
  const room = LIMITS.blocksPerMessage - head.length - tail.length;
  const body: Block[] = [];
  let dropped = false;
  for (const group of groups) {
    if (body.length + group.length > room - 1) {
      dropped = true;
      break;
    }
    body.push(...group);
  }
  if (dropped) body.push(context('_More was cut to fit Slack’s message limits._'));
  return { blocks: [...head, ...body, ...tail], dropped };
}
