import { escapeHtml, page } from './html.ts';
import type { Insights } from './insights-data.ts';

function table(caption: string, head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<h2>${caption}</h2><p class="notice">${empty}</p>`;
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<h2>${caption}</h2><table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const day = (iso: string) => escapeHtml(iso.slice(0, 16).replace('T', ' '));

/** The curator's page: gaps (refused questions), 👎 votes, most asked topics; users only as hashes. */
export function insightsPage(insights: Insights, periodLinks: Array<{ label: string; href: string }>): string {
  const { totals } = insights;
  const header = [
    '<p class="site">Curator insights</p>',
    '<h1>What people asked</h1>',
    `<p>From ${day(insights.period.since)} to ${day(insights.period.until)} (UTC): ${totals.answered} answered, ${totals.refused} refused, ${totals.failed} failed.</p>`,
    `<nav aria-label="Period"><p>${periodLinks.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join(' · ')}</p></nav>`,
  ].join('\n');
  const main = [
    table(
      'Refused questions: what the corpus does not cover',
      ['When', 'Question', 'Surface', 'User (hash)'],
      insights.refused.map((q) => [day(q.at), escapeHtml(q.question), escapeHtml(q.surface), escapeHtml(q.user ?? '–')]),
      'No question was refused in this period.',
    ),
    table(
      '👎 votes',
      ['When', 'Question', 'Answer', 'Platform', 'User (hash)'],
      insights.downVotes.map((v) => [day(v.at), escapeHtml(v.question), escapeHtml(v.answer), escapeHtml(v.platform), escapeHtml(v.user)]),
      'No 👎 votes in this period.',
    ),
    table(
      'Most asked topics',
      ['Topic', 'Questions'],
      insights.topTopics.map((t) => [escapeHtml(t.topic), String(t.asked)]),
      'No answered questions in this period.',
    ),
  ].join('\n');
  return page({ title: 'Insights', root: '', header, main, footer: '<p>User ids are shown only as a per-deployment hash.</p>' });
}
