import { createInterface } from 'node:readline';
import type { GomezCore, ConversationTurn } from '../../../core.ts';
import { InputError, userMessageFor } from '../../../errors.ts';
import { log } from '../../../log.ts';
import { println, type Io } from '../io.ts';
import { contextFrom, openCore, parseCommandArgs } from '../options.ts';
import { renderAnswer, renderSummary, styleFor } from '../render.ts';
import { observeQuestion } from '../../../web/observe-question.ts';

const USAGE = 'gomez chat [--corpus DIR]';
const HELP = [
  'Ask anything about the interview, in English or Chinese. Commands:',
  '  /more              more quotes for the last question',
  '  /quotes <topic>    the best quotes on a topic',
  '  /summary [topic]   a digest of the interview, or of one topic',
  '  /topics            what the interview covers',
  '  /help              this help',
  '  /quit              leave (Ctrl-D works too)',
].join('\n');

/** How many earlier turns a follow-up may draw on. */
const HISTORY_TURNS = 4;

/** The local console: answers rendered as the bot would, with follow-ups and "more quotes". */
export async function runChat(args: string[], io: Io, input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const { values } = parseCommandArgs(args, {}, USAGE);
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}\n\n${HELP}`);
    return 0;
  }
  const ctx = contextFrom(values.corpus);
  const core = await openCore(ctx);
  await chatLoop(core, io, input);
  return 0;
}

export async function chatLoop(core: GomezCore, io: Io, input: NodeJS.ReadableStream): Promise<void> {
  const style = styleFor(io.stdout as NodeJS.WriteStream);
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const rl = createInterface({ input, output: interactive ? io.stdout : undefined, terminal: interactive });
  const history: ConversationTurn[] = [];
  let last: { question: string; shown: number } | null = null;

  println(io.stdout, style.bold(`${core.botName}: ask what ${core.guestName} said. Type /help for commands, /quit to leave.`));
  if (interactive) rl.setPrompt('> '), rl.prompt();

  for await (const raw of rl) {
    const line = raw.trim();
    try {
      if (line === '') {
        // nothing to do
      } else if (line === '/quit' || line === '/exit') {
        break;
      } else if (line === '/help') {
        println(io.stdout, HELP);
      } else if (line === '/topics') {
        println(io.stdout, core.topics().slice(0, 12).map((t) => `  • ${t}`).join('\n'));
      } else if (line === '/more') {
        if (!last) println(io.stdout, 'Ask a question first, then /more shows further quotes.');
        else {
          const more = await core.ask(last.question, { offset: last.shown, history: history.slice(0, -1) });
          if (more.quotes.length === 0) println(io.stdout, 'That was everything I found on this question.');
          else println(io.stdout, renderAnswer({ ...more, answer: 'More quotes:' }, style, last.shown + 1));
          last.shown += more.quotes.length;
        }
      } else if (line.startsWith('/quotes')) {
        const topic = line.slice('/quotes'.length).trim();
        if (!topic) throw new InputError('Which topic? For example: /quotes synthetic data');
        println(io.stdout, renderAnswer(await core.quotes(topic), style));
      } else if (line.startsWith('/summary')) {
        const topic = line.slice('/summary'.length).trim();
        println(io.stdout, renderSummary(await core.summarize({ topic: topic || null }), style));
      } else if (line.startsWith('/')) {
        println(io.stdout, `Unknown command ${line.split(/\s/)[0]}. Type /help for the list.`);
      } else {
        const asked = { surface: 'console' as const, question: line };
        const answer = await observeQuestion({ corpus: core.corpus }, asked, () => core.ask(line, { history: history.slice(-HISTORY_TURNS) }));
        println(io.stdout, renderAnswer(answer, style));
        history.push({ question: line, answer: answer.answer });
        last = { question: line, shown: answer.quotes.length };
      }
    } catch (error) {
      if (!(error instanceof InputError)) log.error('chat turn failed', { error });
      println(io.stdout, userMessageFor(error));
    }
    println(io.stdout);
    if (interactive) rl.prompt();
  }
  rl.close();
}
