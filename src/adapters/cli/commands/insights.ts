import { openStateStore } from '../../../store/open-state.ts';
import { gatherInsights, periodFrom, type Insights } from '../../../web/insights-data.ts';
import { println, type Io } from '../io.ts';
import { InputError } from '../../../errors.ts';
import { contextFrom, parseCommandArgs, UsageError } from '../options.ts';
import { safeText } from '../render.ts';

const USAGE = 'gomez insights [--json] [--days N | --since YYYY-MM-DD] [--until YYYY-MM-DD]';

function renderInsights(insights: Insights): string {
  const { totals } = insights;
  const lines = [
    `Questions from ${insights.period.since.slice(0, 10)} to ${insights.period.until.slice(0, 10)}: ${totals.answered} answered, ${totals.refused} refused, ${totals.failed} failed.`,
    '',
    'Refused (what the corpus does not cover):',
    ...(insights.refused.length ? insights.refused.map((q) => `  ${q.at.slice(0, 16)}  ${safeText(q.question)}  [${q.surface}, user ${q.user ?? '–'}]`) : ['  none']),
    '',
    '👎 votes:',
    ...(insights.downVotes.length
      ? insights.downVotes.map((v) => `  ${v.at.slice(0, 16)}  Q: ${safeText(v.question)}\n      A: ${safeText(v.answer)}  [${v.platform}, user ${v.user}]`)
      : ['  none']),
    '',
    'Most asked topics:',
    ...(insights.topTopics.length ? insights.topTopics.map((t) => `  ${String(t.asked).padStart(4)}  ${safeText(t.topic)}`) : ['  none']),
  ];
  return lines.join('\n');
}

/**
 * `gomez insights`: the curator's view of the state store (DATABASE_URL, else DATA_DIR) (refused questions, 👎 votes, most
 * asked topics) for a period, by default the last 30 days. Users appear only as per-deployment hashes.
 */
export async function runInsights(args: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { json: { type: 'boolean' }, days: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' } },
    USAGE,
  );
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}`);
    return 0;
  }
  const ctx = contextFrom(values.corpus);
  let period;
  try {
    period = periodFrom({ days: values.days, since: values.since, until: values.until });
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`${error.message}\n\nusage: ${USAGE}`);
    throw error;
  }
  const store = await openStateStore({ databaseUrl: ctx.env.DATABASE_URL, dataDir: ctx.dataDir });
  try {
    const insights = await gatherInsights(store, period);
    println(io.stdout, values.json ? JSON.stringify(insights) : renderInsights(insights));
  } finally {
    await store.close();
  }
  return 0;
}
