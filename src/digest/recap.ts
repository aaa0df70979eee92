import type { Quote, Summary, Theme } from '../answer/types.ts';
import type { GomezCore } from '../core.ts';
import type { ChannelQuestion } from '../store/channel-questions.ts';
import { englishTerms } from '../summary/terms.ts';
import { chineseContentWords } from '../summary/chinese-nlp.ts';
import { hasChinese } from '../text/language.ts';

/**
 * A channel recap: what a channel asked the bot over a period — its top questions (the same question
 * asked in other words counts once), the best quote each got, and what the interviews do not cover
 * (refused questions: the corpus's gaps). Shaped as a Summary so every surface renders it as it
 * renders digests.
 */
export interface RecapOptions {
  /** Human wording of the period, e.g. "the last 7 days". */
  period: string;
  maxQuestions?: number;
  maxGaps?: number;
}

interface QuestionGroup {
  question: string;
  times: number;
  last: string;
}

/** Two wordings of one question share a key: their content words, stemmed and sorted. */
function questionKey(question: string): string {
  const words = hasChinese(question) ? chineseContentWords(question) : englishTerms(question).map((t) => t.key);
  const meaningful = words.filter((w) => !/^(?:gomez|aidan|say|said|think|thought|view|opinion)$/.test(w));
  return [...new Set(meaningful)].sort().join(' ') || question.trim().toLowerCase();
}

function groupQuestions(questions: ChannelQuestion[]): QuestionGroup[] {
  const groups = new Map<string, QuestionGroup>();
  for (const q of questions) {
    const key = questionKey(q.question);
    const group = groups.get(key);
    if (group) {
      group.times++;
      group.last = q.at;
      group.question = q.question;
    } else groups.set(key, { question: q.question, times: 1, last: q.at });
  }
  // Most asked first; among equals, the most recent.
  return [...groups.values()].sort((a, b) => b.times - a.times || b.last.localeCompare(a.last));
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export async function buildRecap(
  core: Pick<GomezCore, 'quotes' | 'guestName'>,
  questions: ChannelQuestion[],
  options: RecapOptions,
): Promise<Summary> {
  const groups = groupQuestions(questions);
  if (groups.length === 0) {
    return {
      topic: null,
      answered: false,
      themes: [],
      mode: 'extractive',
      note: `Channel recap for ${options.period}: nobody asked me anything here.`,
    };
  }
  const themes: Theme[] = [];
  const gaps: string[] = [];
  for (const group of groups) {
    // The best quote a question gets is what the core's retrieval ranks first: the same on every surface.
    const answer = await core.quotes(group.question, { limit: 1 });
    const best: Quote | undefined = answer.answered ? answer.quotes[0] : undefined;
    if (!best) {
      if (gaps.length < (options.maxGaps ?? 5)) gaps.push(`“${clip(group.question, 80)}”`);
      continue;
    }
    if (themes.length >= (options.maxQuestions ?? 5)) continue;
    const asked = group.times === 1 ? 'Asked once' : `Asked ${group.times} times`;
    themes.push({ title: clip(group.question, 120), takeaway: `${asked}; the best quote it got:`, quotes: [best] });
  }
  const total = questions.length;
  const parts = [
    `Channel recap for ${options.period}: ${total} question${total === 1 ? '' : 's'} (${groups.length} different).`,
  ];
  if (gaps.length > 0) parts.push(`Not covered by the interviews (refused): ${gaps.join(', ')}.`);
  return { topic: null, answered: true, themes, mode: 'extractive', note: parts.join(' ') };
}

/** "the last 7 days" / "the last day" / "since 3 May": how long a recap looks back, in words. */
export function periodWords(since: Date, until: Date): string {
  const days = Math.round((until.getTime() - since.getTime()) / (24 * 3600_000));
  if (days <= 1) return 'the last day';
  return `the last ${days} days`;
}
