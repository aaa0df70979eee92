import { ConfigError, CorpusError, GomezError, InputError, StorageError, userMessageFor } from '../../errors.ts';
import { log } from '../../log.ts';
import { processIo, println, type Io } from './io.ts';
import { UsageError } from './options.ts';
import { ownEntry } from '../../own-entry.ts';

type CommandRunner = (args: string[], io: Io) => Promise<number>;

/** Commands load lazily, so `gomez ask` never pays for discord.js or Bolt. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandRunner> }> = {
  ask: { summary: 'one answer (--json, --batch FILE)', load: async () => (await import('./commands/ask.ts')).runAsk },
  summary: { summary: 'a digest of the corpus or of one topic (--json)', load: async () => (await import('./commands/summary.ts')).runSummary },
  chat: { summary: 'interactive console that behaves like the bot', load: async () => (await import('./commands/chat.ts')).runChat },
  eval: { summary: 'score a question set (JSON lines) and print the metrics', load: async () => (await import('./commands/eval.ts')).runEval },
  'eval-summary': { summary: 'score digests against key points per source (JSON lines)', load: async () => (await import('./commands/eval-summary.ts')).runEvalSummary },
  index: { summary: 'build and save the search index under DATA_DIR', load: async () => (await import('./commands/index.ts')).runIndex },
  discord: { summary: 'run the Discord bot; `discord register [--guild ID]` publishes its commands', load: async () => (await import('./commands/discord.ts')).runDiscord },
  slack: { summary: 'run the Slack bot (Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT)', load: async () => (await import('./commands/slack.ts')).runSlack },
  insights: { summary: 'refused questions, 👎 votes and most asked topics (--json, --days N, --since/--until)', load: async () => (await import('./commands/insights.ts')).runInsights },
  feedback: { summary: 'votes per answer, questions behind 👎 and refusals, newest first (--json)', load: async () => (await import('./commands/feedback.ts')).runFeedback },
  migrate: { summary: 'apply store migrations (PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR)', load: async () => (await import('./commands/migrate.ts')).runMigrate },
  serve: { summary: 'run every adapter whose tokens are set; with none, the console', load: async () => (await import('./commands/serve.ts')).runServe },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  gomez ${name.padEnd(width)}  ${c.summary}`);
  return ['usage: gomez <command> [options]', '', ...lines, '', 'Every command takes --corpus DIR (default: CORPUS_DIR, else ./corpus).'].join('\n');
}

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 failure, 2 usage error. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    println(name === undefined ? io.stderr : io.stdout, usage());
    return name === undefined ? 2 : 0;
  }
  const command = ownEntry(COMMANDS, name);
  if (!command) {
    println(io.stderr, `gomez: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load())(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      println(io.stderr, `gomez ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof CorpusError || error instanceof InputError || error instanceof StorageError) {
      println(io.stderr, `gomez ${name}: ${error.message}`);
      return 1;
    }
    log.error('command failed', { command: name, error });
    println(io.stderr, `gomez ${name}: ${error instanceof GomezError ? error.message : userMessageFor(error)}`);
    return 1;
  }
}
