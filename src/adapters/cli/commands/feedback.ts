import { SharedBotState } from '../../../bot/shared-state.ts';
import type { FeedbackReport } from '../../../bot/state.ts';
import { openStateStore } from '../../../store/open-state.ts';
import { println, type Io } from '../io.ts';
import { contextFrom, parseCommandArgs, UsageError } from '../options.ts';
import { safeText } from '../render.ts';

const USAGE = 'gomez feedback [--json] [--limit N]';
const DEFAULT_LIMIT = 50;

/**
 * `gomez feedback`: what people thought of the answers, for a curator deciding which transcripts to
 * add: votes per answer, then the questions behind 👎 and the refused questions, newest first. Reads
 * the state store (DATABASE_URL, else DATA_DIR) through the bot's state interface; writes nothing.
 */
export async function runFeedback(args: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(args, { json: { type: 'boolean' }, limit: { type: 'string' } }, USAGE);
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}`);
    return 0;
  }
  const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number above 0\n\nusage: ${USAGE}`);
  const ctx = contextFrom(values.corpus);
  const store = await openStateStore({ databaseUrl: ctx.env.DATABASE_URL, dataDir: ctx.dataDir });
  try {
    const report = await new SharedBotState(store, { ratePerMinute: 1 }).feedbackReport(limit);
    println(io.stdout, values.json ? JSON.stringify(report, null, 2) : renderReport(report));
  } finally {
    await store.close();
  }
  return 0;
}

/** The report as text: three short sections, newest first. */
export function renderReport(report: FeedbackReport): string {
  const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  const lines = ['Votes per answer (newest vote first):'];
  if (report.answers.length === 0) lines.push('  none yet');
  for (const a of report.answers) lines.push(`  👍 ${a.up}  👎 ${a.down}  ${day(a.lastVoteAt)}  [${a.surface}]  ${safeText(a.question)}`);
  lines.push('', 'Questions behind 👎 (newest first):');
  if (report.disliked.length === 0) lines.push('  none');
  for (const q of report.disliked) lines.push(`  ${day(q.at)}  [${q.surface}]  ${safeText(q.question)}`);
  lines.push('', 'Refused questions: the corpus did not cover them (newest first):');
  if (report.refused.length === 0) lines.push('  none');
  for (const q of report.refused) lines.push(`  ${day(q.at)}  [${q.surface}]  ${safeText(q.question)}`);
  return lines.join('\n');
}
