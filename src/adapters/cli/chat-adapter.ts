import type { ChatAdapter } from '../../bot/adapter.ts';
import { helpLines } from '../../bot/help.ts';
import { println, type Io } from './io.ts';
import { renderAnswer, renderSummary, safeText, type Style } from './render.ts';

/** The console's commands, listed under the bot's help. */
export const CONSOLE_COMMANDS = [
  '  /more              more quotes for the last question',
  '  /quotes <topic>    the best quotes on a topic',
  '  /summary [topic]   a digest of the interview, or of one topic',
  '  /topics            what the interview covers',
  '  /help              this help',
  '  /quit              leave (Ctrl-D works too)',
];

/** Where console output goes; the last answer's id is kept for /more. */
export interface ConsoleTarget {
  io: Io;
  lastAnswerId?: string;
}

/**
 * The console as a third adapter of the bot (src/bot/adapter.ts): everything is printed, the console
 * being private already; a thanks is acknowledged with 🙏, chatter after an answer gets nothing.
 */
export function consoleAdapter(style: Style): ChatAdapter<ConsoleTarget, string> {
  return {
    name: 'console',
    render(reply) {
      switch (reply.type) {
        case 'answer': {
          const { page } = reply;
          const first = page.firstQuoteNumber > 1;
          const text = renderAnswer(first ? { ...page.answer, answer: 'More quotes:' } : page.answer, style, page.firstQuoteNumber);
          return page.moreAvailable ? `${text}\n${style.dim('(/more for further quotes)')}` : text;
        }
        case 'summary':
          return renderSummary(reply.summary, style);
        case 'help':
          return [...helpLines(reply.help).map(safeText), '', 'Commands:', ...CONSOLE_COMMANDS].join('\n');
        case 'notice':
          return safeText(reply.text);
      }
    },
    async post(target, message) {
      println(target.io.stdout, message);
    },
    async edit(target, message) {
      println(target.io.stdout, message);
    },
    async postPrivately(target, message) {
      println(target.io.stdout, message);
    },
    async react(target) {
      println(target.io.stdout, '🙏');
    },
  };
}
