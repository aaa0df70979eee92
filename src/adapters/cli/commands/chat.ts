import { createInterface } from 'node:readline';
import { deliver } from '../../../bot/adapter.ts';
import { Bot } from '../../../bot/bot.ts';
import { SharedBotState } from '../../../bot/shared-state.ts';
import type { BotState } from '../../../bot/state.ts';
import type { BotReply, IncomingMessage } from '../../../bot/types.ts';
import type { GomezCore } from '../../../core.ts';
import { log } from '../../../log.ts';
import { openStateStore } from '../../../store/open-state.ts';
import { consoleAdapter, CONSOLE_COMMANDS, type ConsoleTarget } from '../chat-adapter.ts';
import { println, type Io } from '../io.ts';
import { contextFrom, openCore, parseCommandArgs } from '../options.ts';
import { styleFor } from '../render.ts';

const USAGE = 'gomez chat [--corpus DIR]';

/** The console's one person and one conversation (a DM with the bot). */
const CONSOLE_USER = 'console';
const CONVERSATION = 'cli:console';

export interface ChatOptions {
  /** The bot's state (default: a SQLite store in memory, as the console is one session). */
  state?: BotState;
  /** Questions per minute (default RATE_LIMIT_PER_MINUTE's default). */
  ratePerMinute?: number;
  /** Who is typing (several consoles may share one state, each person with their own context). */
  userId?: string;
}

/** The local console: the bot's own workflow (src/bot), rendered as terminal text. */
export async function runChat(args: string[], io: Io, input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const { values } = parseCommandArgs(args, {}, USAGE);
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}\n\nCommands:\n${CONSOLE_COMMANDS.join('\n')}`);
    return 0;
  }
  const ctx = contextFrom(values.corpus);
  const core = await openCore(ctx);
  await chatLoop(core, io, input, { ratePerMinute: ctx.env.RATE_LIMIT_PER_MINUTE });
  return 0;
}

export async function chatLoop(core: GomezCore, io: Io, input: NodeJS.ReadableStream, options: ChatOptions = {}): Promise<void> {
  const style = styleFor(io.stdout as NodeJS.WriteStream);
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  // Opened before the line reader exists, so no line can arrive while nothing listens.
  const store = options.state ? null : await openStateStore({ dataDir: ':memory:' });
  const rl = createInterface({ input, output: interactive ? io.stdout : undefined, terminal: interactive });
  const state = options.state ?? new SharedBotState(store!, { ratePerMinute: options.ratePerMinute ?? 10 });
  const bot = new Bot({ core, state });
  const adapter = consoleAdapter(style);
  const target: ConsoleTarget = { io };
  const asker = { surface: 'cli' as const, userId: options.userId ?? CONSOLE_USER };
  const message = (text: string): IncomingMessage => ({ ...asker, conversation: CONVERSATION, text, delivery: 'direct' });
  const show = async (reply: BotReply, how: 'post' | 'edit' = 'post') => {
    if (reply.type === 'answer' && how === 'post') target.lastAnswerId = reply.page.answerId;
    await deliver(adapter, target, reply, how);
  };

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
        await show(bot.help(true));
      } else if (line === '/topics') {
        println(io.stdout, core.topics().slice(0, 12).map((t) => `  • ${t}`).join('\n'));
      } else if (line === '/more') {
        if (!target.lastAnswerId) println(io.stdout, 'Ask a question first, then /more shows further quotes.');
        else await show(await bot.more(target.lastAnswerId, asker), 'edit');
      } else if (line.startsWith('/quotes')) {
        const topic = line.slice('/quotes'.length).trim();
        if (!topic) println(io.stdout, 'Which topic? For example: /quotes synthetic data');
        else await show(await bot.quotes(message(topic)));
      } else if (line.startsWith('/summary')) {
        await show(await bot.summary(asker, line.slice('/summary'.length).trim() || null));
      } else if (line.startsWith('/')) {
        println(io.stdout, `Unknown command ${line.split(/\s/)[0]}. Type /help for the list.`);
      } else {
        await show(await bot.handle(message(line)));
      }
    } catch (error) {
      log.error('chat turn failed', { error });
    }
    println(io.stdout);
    if (interactive) rl.prompt();
  }
  rl.close();
  await store?.close();
}
