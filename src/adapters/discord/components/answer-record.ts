import { InputError } from '../../../errors.ts';
import type { AnswerRecord } from '../../../store/store.ts';
import type { DiscordContext } from '../context.ts';

/** The stored answer a button belongs to; a button for an unknown answer gets a polite refusal. */
export function answerRecordFor(ctx: DiscordContext, answerId: string | undefined): AnswerRecord {
  const record = answerId ? ctx.store.getAnswer(answerId) : undefined;
  if (!record) throw new InputError("I no longer have that answer on file. Please ask the question again.");
  return record;
}
