import { escapeMarkdown, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Answer, Quote, Summary, Theme } from '../../answer/types.ts';
import { DISCORD_LIMITS as L } from './limits.ts';
import { cutText, verbatimPrefix } from './text-cut.ts';

/**
 * The one place that turns the core's plain data (Answer, Summary) into Discord embeds that fit every
 * limit. Quotes are shown verbatim (a cut quote keeps whole leading sentences, so it is still an exact
 * substring of the source); a quote that cannot fit is dropped whole, never shown without its speaker
 * and source.
 */

const COLOR = 0x39594d;

export interface RenderedAnswer {
  embed: APIEmbed;
  /** How many of the answer's quotes made it into the embed (a prefix of `answer.quotes`). */
  quotesShown: number;
}

export interface AnswerRenderOptions {
  /** 'quotes' answers are headed "Quotes: topic" instead of the question. */
  kind?: 'ask' | 'quotes';
  /** Number of the first quote shown: 1 on the first page, 4 after one "More quotes"… */
  firstQuoteNumber?: number;
  /** Titles of the corpus sources, named in the footer when no quote names one. */
  corpusSources?: string[];
}

/** Escapes markdown, cutting first so that the escaped text still fits in `max`. */
function plain(text: string, max: number): string {
  const escaped = escapeMarkdown(text);
  if (escaped.length <= max) return escaped;
  return escapeMarkdown(cutText(text, Math.max(0, max - (escaped.length - text.length))));
}

function safeUrl(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // Parentheses would end a markdown link early.
  return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/**
 * "— **Aidan Gomez** · [Title, turn 23](viewer or media) · [media](url) · via article": the part of a
 * quote that is never cut away. With PUBLIC_URL the title opens the transcript viewer at the quote.
 */
function attribution(quote: Quote): string {
  const where = [cutText(quote.source.title, 48), quote.source.locator].filter(Boolean).join(', ');
  const label = escapeMarkdown(where).replace(/[[\]]/g, (c) => `\\${c}`);
  const media = safeUrl(quote.source.url);
  const link = quote.source.link ? safeUrl(quote.source.link) : null;
  const target = link ?? media;
  const parts = [`— **${escapeMarkdown(quote.speaker)}**`, target ? `[${label}](${target})` : label];
  if (link && media) parts.push(`[media](${media})`);
  if (quote.source.article) parts.push(`via ${plain(quote.source.article, 60)}`);
  return parts.join(' · ');
}

function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** A quote as a markdown block within `budget` characters, or null when even a short cut cannot fit. */
export function renderQuote(quote: Quote, budget: number): string | null {
  const attr = attribution(quote);
  const room = budget - attr.length - 1;
  for (const share of [1, 0.7, 0.45, 0.25]) {
    const space = Math.floor(room * share);
    // Chinese originals are about a third the length of their English rendering.
    const textMax = quote.translation ? Math.floor(space * 0.35) : space;
    const text = verbatimPrefix(quote.text, textMax);
    if (!text) continue;
    const lines = [blockQuote(escapeMarkdown(text))];
    if (quote.translation) {
      const translation = cutText(quote.translation, space - textMax - 20);
      if (translation) lines.push(blockQuote(`*Translation:* ${escapeMarkdown(translation)}`));
    }
    lines.push(attr);
    const block = lines.join('\n');
    if (block.length <= budget) return block;
  }
  return null;
}

function footerFor(quotes: Quote[], corpusSources: string[], suffix = ''): string {
  const titles = [...new Set(quotes.map((q) => q.source.title))];
  const named = titles.length > 0 ? titles : corpusSources;
  const text = named.length > 0 ? `Source: ${named.join(' · ')}` : '';
  return cutText(text, 400 - suffix.length) + suffix;
}

/** Total characters Discord counts against the 6,000 limit for one embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** An answer (or a page of "More quotes") as one embed. */
export function renderAnswerEmbed(answer: Answer, options: AnswerRenderOptions = {}): RenderedAnswer {
  const first = options.firstQuoteNumber ?? 1;
  const heading = options.kind === 'quotes' ? `Quotes: ${answer.question}` : answer.question;
  const title = plain(heading, L.embedTitle);

  let lead = answer.answer;
  // A refusal names nearby covered topics, unless the core's own wording already does.
  const unnamed = answer.answered ? [] : (answer.suggestions ?? []).filter((s) => !lead.includes(s));
  if (unnamed.length) lead += `\n\n**Topics I can speak to:** ${unnamed.map((s) => escapeMarkdown(s)).join(' · ')}`;
  const perQuote = 1_300;
  const firstBlock = answer.quotes[0] ? renderQuote(answer.quotes[0], perQuote) : null;
  const leadMax = firstBlock ? Math.max(400, L.embedDescription - firstBlock.length - 2) : L.embedDescription;
  let description = cutText(lead, leadMax);

  // The footer is sized for the worst case first, so quotes never push the embed over 6,000.
  const footerBudget = 420;
  let shown = 0;
  for (const quote of answer.quotes) {
    const room = Math.min(
      L.embedDescription - description.length - 2,
      L.messageEmbedsTotal - title.length - footerBudget - description.length - 2,
    );
    const block = renderQuote(quote, Math.min(perQuote, room));
    if (!block) break; // later quotes stay for "More quotes", in order
    description = description ? `${description}\n\n${block}` : block;
    shown++;
  }

  const range = shown === 0 ? '' : shown === 1 ? ` · quote ${first}` : ` · quotes ${first}–${first + shown - 1}`;
  const footer = footerFor(answer.quotes.slice(0, shown), options.corpusSources ?? [], range);
  const embed: APIEmbed = { title, description: description || '—', color: COLOR };
  if (footer) embed.footer = { text: footer };
  return { embed, quotesShown: shown };
}

export interface SummaryRenderOptions {
  guestName: string;
  corpusSources?: string[];
}

const THEME_NAME_MAX = 100;
/** Below this, a theme's takeaway and a quote no longer fit: show fewer themes instead. */
const MIN_FIELD = 300;

function themeField(theme: Theme, budget: number): APIEmbedField | null {
  const name = plain(theme.title, THEME_NAME_MAX) || '—';
  let value = cutText(theme.takeaway, Math.min(300, budget));
  for (const quote of theme.quotes) {
    const block = renderQuote(quote, budget - value.length - 1);
    if (!block) break;
    value = value ? `${value}\n${block}` : block;
  }
  return value ? { name, value } : null;
}

/** A summary: one field per theme (takeaway + quotes), all within the embed limits. */
export function renderSummaryEmbed(summary: Summary, options: SummaryRenderOptions): APIEmbed {
  const heading = summary.topic
    ? `What ${options.guestName} said about ${summary.topic}`
    : `What ${options.guestName} talked about`;
  const title = plain(heading, L.embedTitle);
  const fallbackNote = summary.answered
    ? ''
    : `The interviews don't cover ${summary.topic ? `“${summary.topic}”` : 'that'}.`;
  const description = cutText(summary.note ?? fallbackNote, 1_000);
  const allQuotes = summary.themes.flatMap((t) => t.quotes);
  const footer = footerFor(allQuotes, options.corpusSources ?? []);

  // Themes come best first: when they cannot all fit with room to say something, the last go.
  const room = L.messageEmbedsTotal - title.length - description.length - footer.length;
  let count = summary.answered ? Math.min(summary.themes.length, L.embedFields) : 0;
  const perField = (n: number) => Math.min(L.fieldValue, Math.floor(room / n) - THEME_NAME_MAX - 4);
  while (count > 1 && perField(count) < MIN_FIELD) count--;
  const fields = summary.themes
    .slice(0, count)
    .map((t) => themeField(t, perField(count)))
    .filter((f): f is APIEmbedField => f !== null);

  const embed: APIEmbed = { title, color: COLOR };
  if (description) embed.description = description;
  if (fields.length) embed.fields = fields;
  if (footer) embed.footer = { text: footer };
  return embed;
}
