import type { Summary } from '../answer/types.ts';
import type { GomezCore } from '../core.ts';
import { InputError } from '../errors.ts';
import { channelQuestions } from '../store/channel-questions.ts';
import type { StateStore } from '../store/state.ts';
import { buildRecap, periodWords } from './recap.ts';

/** On demand, a recap looks back this many days unless asked otherwise ("recap 30"). */
export const DEFAULT_RECAP_DAYS = 7;
const MAX_RECAP_DAYS = 90;

/** "", "30", "30 days" → a number of days; anything else is a usage error. */
export function recapDays(args: string | null | undefined): number {
  const text = (args ?? '').trim();
  if (text === '') return DEFAULT_RECAP_DAYS;
  const match = /^(\d{1,3})(?:\s*d(?:ays?)?)?$/i.exec(text);
  const days = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_RECAP_DAYS) {
    throw new InputError(`A recap looks back 1 to ${MAX_RECAP_DAYS} days, e.g. "recap 30" (default ${DEFAULT_RECAP_DAYS}).`);
  }
  return days;
}

/** The recap of one channel over the last `days` days: what the adapters post for `/gomez recap`. */
export async function channelRecap(
  core: Pick<GomezCore, 'quotes' | 'guestName'>,
  store: StateStore,
  where: { platform: 'slack' | 'discord'; channelId: string; workspace?: string | undefined },
  days: number,
  now: Date = new Date(),
): Promise<Summary> {
  const since = new Date(now.getTime() - days * 24 * 3600_000);
  const questions = await channelQuestions(store.conversations, where, since, now);
  return buildRecap(core, questions, { period: periodWords(since, now) });
}
