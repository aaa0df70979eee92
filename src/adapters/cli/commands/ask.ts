import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { contractAnswer } from '../../../answer/contract.ts';
import { askInThread } from '../../../answer/thread.ts';
import type { GomezCore } from '../../../core.ts';
import { InputError, userMessageFor } from '../../../errors.ts';
import { log } from '../../../log.ts';
import { println, type Io } from '../io.ts';
import { contextFrom, openCore, parseCommandArgs, UsageError } from '../options.ts';
import { renderAnswer, styleFor } from '../render.ts';

const USAGE = 'gomez ask "<question>" [--json] [--corpus DIR]\n       gomez ask --json --batch FILE [--corpus DIR]';

const BatchLine = z.object({
  question: z.string(),
  id: z.union([z.string(), z.number()]).optional(),
  /** Earlier questions of the same thread, answered first in order (see askInThread). */
  history: z.array(z.string()).optional(),
});

/** `gomez ask`: one answer, or one JSON answer per line of a batch file. */
export async function runAsk(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: 'boolean' }, batch: { type: 'string' } },
    USAGE,
  );
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}`);
    return 0;
  }
  if (values.batch !== undefined && positionals.length > 0) throw new UsageError(`give a question or --batch FILE, not both\n\nusage: ${USAGE}`);
  if (values.batch === undefined && positionals.length === 0) throw new UsageError(`no question given\n\nusage: ${USAGE}`);
  if (values.batch === undefined && positionals.join(' ').trim() === '') throw new UsageError(`the question is empty\n\nusage: ${USAGE}`);

  const ctx = contextFrom(values.corpus);
  const core = await openCore(ctx);

  if (values.batch !== undefined) {
    if (!values.json) throw new UsageError(`--batch writes JSON lines: add --json\n\nusage: ${USAGE}`);
    return runBatch(core, values.batch, io);
  }
  const answer = await core.ask(positionals.join(' '));
  if (values.json) println(io.stdout, JSON.stringify(contractAnswer(answer)));
  else println(io.stdout, renderAnswer(answer, styleFor(io.stdout as NodeJS.WriteStream)));
  return 0;
}

async function runBatch(core: GomezCore, file: string, io: Io): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`Cannot read the batch file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  let failures = 0;
  const rows = text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.trim();
    if (row === '') continue;
    let parsed: z.infer<typeof BatchLine>;
    try {
      parsed = BatchLine.parse(JSON.parse(row));
    } catch {
      failures++;
      println(io.stdout, JSON.stringify({ line: i + 1, error: 'not a JSON object with a "question" string (and optional "id", "history")' }));
      continue;
    }
    try {
      const answer = await askInThread(core, parsed.history ?? [], parsed.question);
      println(io.stdout, JSON.stringify(parsed.id === undefined ? contractAnswer(answer) : { id: parsed.id, ...contractAnswer(answer) }));
    } catch (error) {
      failures++;
      if (!(error instanceof InputError)) log.error('batch question failed', { line: i + 1, error });
      println(io.stdout, JSON.stringify({ ...(parsed.id === undefined ? {} : { id: parsed.id }), line: i + 1, error: userMessageFor(error) }));
    }
  }
  return failures === 0 ? 0 : 1;
}
