import type { Answer, Quote, Summary } from '../../answer/types.ts';

/** Terminal styling, switched off when stdout is not a TTY or NO_COLOR is set. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  quote(s: string): string;
}

const ansi = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
export const COLOR: Style = { bold: ansi('1'), dim: ansi('2'), quote: ansi('36') };
export const PLAIN: Style = { bold: (s) => s, dim: (s) => s, quote: (s) => s };

export function styleFor(stream: NodeJS.WriteStream): Style {
  return stream.isTTY && !process.env.NO_COLOR ? COLOR : PLAIN;
}

/** Removes terminal control sequences from text that came from outside (questions, corpus, model). */
export function safeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function renderQuote(q: Quote, n: number, style: Style): string {
  const lines = [`  ${n}. ${style.quote(`“${safeText(q.text)}”`)}`];
  if (q.translation) lines.push(`     ${style.dim('Translation:')} ${safeText(q.translation)}`);
  lines.push(`     ${style.dim(`— ${q.speaker}, ${q.source.title} (${q.source.locator})`)}`);
  if (q.source.article) lines.push(`     ${style.dim(`Source article: ${safeText(q.source.article)}`)}`);
  if (q.source.link) lines.push(`     ${style.dim(`Check it: ${q.source.link}`)}`);
  lines.push(`     ${style.dim(q.source.url)}`);
  return lines.join('\n');
}

/** An answer as the console shows it: the answer, then numbered quotes with translations and sources. */
export function renderAnswer(answer: Answer, style: Style = PLAIN, firstNumber = 1): string {
  const parts = [style.bold(safeText(answer.answer))];
  if (answer.quotes.length > 0) {
    parts.push('');
    parts.push(answer.quotes.map((q, i) => renderQuote(q, firstNumber + i, style)).join('\n\n'));
  }
  // The refusal text usually names the suggestions already; list them only when it does not.
  if (!answer.answered && answer.suggestions?.length && !answer.suggestions.every((t) => answer.answer.includes(t))) {
    parts.push('');
    parts.push(style.dim(`Topics the interview does cover: ${answer.suggestions.join(' · ')}`));
  }
  return parts.join('\n');
}

/** A summary as the console shows it: each theme with its takeaway and quotes. */
export function renderSummary(summary: Summary, style: Style = PLAIN): string {
  if (!summary.answered) return style.bold(safeText(summary.note ?? 'The interviews do not cover that topic.'));
  const heading = summary.topic ? `What ${'the interviews'} say about “${safeText(summary.topic)}”` : 'Summary of the interviews';
  const parts = [style.bold(heading)];
  if (summary.note) parts.push(safeText(summary.note));
  summary.themes.forEach((theme, i) => {
    parts.push('');
    parts.push(style.bold(`${i + 1}. ${safeText(theme.title)}`));
    parts.push(`   ${safeText(theme.takeaway)}`);
    for (const q of theme.quotes) {
      parts.push(`   ${style.quote(`“${safeText(q.text)}”`)}`);
      if (q.translation) parts.push(`   ${style.dim('Translation:')} ${safeText(q.translation)}`);
      parts.push(`   ${style.dim(`— ${q.speaker}, ${q.source.title} (${q.source.locator}) ${q.source.url}`)}`);
    }
  });
  return parts.join('\n');
}
