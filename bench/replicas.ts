/**
 * `npm run bench:replicas`: answers per second end to end with 1 and with 3 real `gomez slack` replicas
 * (the CLI, Bolt HTTP receivers, extractive mode) sharing one PostgreSQL schema, against the local fake
 * Slack Web API. Each round sends a burst of signed app_mention events, round-robin over the replicas,
 * each from another person, and measures the ack (HTTP 200) latency of every POST, answers completed
 * per second, and that every event got exactly one bot message. Rounds alternate 1 and 3 replicas so
 * both see the same machine load. Writes its section of docs/benchmarks.md (bench/manual-sections.ts);
 * `npm run bench` runs it too. Without a PostgreSQL server it says SKIPPED and exits 0.
 * Usage: npm run bench:replicas [-- --events N --concurrency C --rounds R --no-write]
 * (TEST_DATABASE_URL, default the local test server)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { quoteIdent } from '../src/store/postgres/migrate.ts';
import { startReplica, type Replica } from '../tests/replicas/replica-process.ts';
import { FakeSlack } from '../tests/fakes/slack/index.ts';
import { postgresAvailable, TEST_DATABASE_URL, testSchema } from '../tests/store/engines.ts';
import { describeMachine } from './machine.ts';
import { replaceManualSection } from './manual-sections.ts';
import { runBurst, type BurstResult } from './replica-burst.ts';
import { exactlyOnce, REPLICAS_HEADING, renderReplicaSection, type ReplicaRun } from './replicas-report.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '24' },
    rounds: { type: 'string', default: '2' },
    'no-write': { type: 'boolean' },
  },
});
const say = (text: string) => process.stderr.write(`${text}\n`);
const SIGNING_SECRET = 'bench-replicas-signing-secret';

/** Questions people ask in channels (greetings, typos, thanks): the answerable English ones of the frozen set. */
function benchQuestions(): string[] {
  return readFileSync(join(ROOT, 'eval/frozen/chat-frozen.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { question: string; answerable: boolean; lang: string })
    .filter((q) => q.answerable && q.lang === 'en')
    .map((q) => q.question);
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  try {
    // utime and stime (fields 14 and 15, after the command name), in clock ticks: 100 a second on Linux.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The replicas connect under this name, so their PostgreSQL backends can be told from other users'. */
const APPLICATION_NAME = 'gomez-bench-replicas';

/** CPU seconds used so far by each PostgreSQL backend serving the replicas (pid → seconds). */
async function backendCpu(admin: pg.Client): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [APPLICATION_NAME]);
  return new Map(rows.map((row) => [row.pid, cpuSeconds(row.pid)]));
}

/** CPU the replicas' backends used between two snapshots (a backend opened in between counts whole). */
function backendCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) if (!Number.isNaN(seconds)) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** CPU seconds of this process: the load generator and the fake Slack Web API. */
const ownCpuSeconds = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};

/** A positive whole number of an option, or a usage error naming it. */
function count(name: 'events' | 'concurrency' | 'rounds'): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) {
    say(`--${name} must be a positive whole number, not ${JSON.stringify(values[name])}`);
    process.exit(2);
  }
  return value;
}
const events = count('events');
const concurrency = count('concurrency');
const rounds = count('rounds');

if (!(await postgresAvailable())) {
  say(`SKIPPED: the replica benchmark needs the PostgreSQL server at ${TEST_DATABASE_URL} (TEST_DATABASE_URL); nothing measured, docs/benchmarks.md unchanged`);
  process.exit(0);
}

const machine = describeMachine();
say(`Replicas: ${rounds} round(s) of ${events} mentions, ${concurrency} POSTs in flight; machine ${machine.cpus} CPUs, load ${machine.loadAverage}`);

const schema = testSchema();
const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
await admin.connect();
await admin.query(`CREATE SCHEMA ${quoteIdent(schema.name)}`);
const databaseUrl = new URL(TEST_DATABASE_URL);
databaseUrl.searchParams.set('options', `-c search_path=${schema.name}`);
databaseUrl.searchParams.set('application_name', APPLICATION_NAME);
const fake = await FakeSlack.start();
const env = {
  DATABASE_URL: databaseUrl.toString(),
  SLACK_BOT_TOKEN: 'xoxb-fake-bot-token',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: fake.apiUrl,
  LOG_LEVEL: 'warn',
};
const questions = benchQuestions();
const runs: ReplicaRun[] = [];
let replicas: Replica[] = [];
try {
  say('starting three `gomez slack` replicas…');
  replicas = await Promise.all([1, 2, 3].map(() => startReplica(env)));
  // The first answers of a process are slower (code paths compiled on first use): not measured.
  await runBurst(fake, replicas, { channel: 'CWARMUP', events: 30, concurrency: 6, questions, signingSecret: SIGNING_SECRET });
  for (let round = 1; round <= rounds; round++) {
    for (const n of [1, 3]) {
      const used = replicas.slice(0, n);
      const cpuBefore = { replicas: replicas.map((r) => cpuSeconds(r.child.pid)), postgres: await backendCpu(admin), own: ownCpuSeconds() };
      const result: BurstResult = await runBurst(fake, used, { channel: `CBENCH${round}X${n}`, events, concurrency, questions, signingSecret: SIGNING_SECRET });
      const replicaCpuSeconds = replicas.map((r, i) => cpuSeconds(r.child.pid) - cpuBefore.replicas[i]!).reduce((a, b) => a + b, 0);
      const postgresCpu = backendCpuBetween(cpuBefore.postgres, await backendCpu(admin));
      const generatorCpu = ownCpuSeconds() - cpuBefore.own;
      runs.push({ round, ...result, replicaCpuSeconds, postgresCpuSeconds: postgresCpu, generatorCpuSeconds: generatorCpu });
      if (!exactlyOnce(result)) {
        // What went wrong is in the replicas' warnings; the figures alone would not say.
        for (const [i, replica] of used.entries()) say(`--- replica ${i + 1}, last warnings:\n${replica.stderr().slice(-4_000)}`);
        say(`--- threads that went wrong:\n${result.examples.join('\n')}`);
      }
      say(
        `round ${round}, ${n} replica(s): ${result.answered}/${result.events} answered in ${result.seconds.toFixed(1)} s = ${result.answersPerSecond.toFixed(1)}/s; ` +
          `ack p50 ${result.ackP50Ms.toFixed(1)} ms p95 ${result.ackP95Ms.toFixed(1)} ms; bot messages ${result.botMessages}, threads with a second message ${result.duplicated}, notices ${result.ephemerals}, placeholders edited twice ${result.editedTwice}; CPU s: replicas ${replicaCpuSeconds.toFixed(1)}, PostgreSQL ${postgresCpu.toFixed(1)}, load generator ${generatorCpu.toFixed(1)}`,
      );
    }
  }
} finally {
  await Promise.allSettled(replicas.map((r) => r.stop()));
  await fake.close();
  await admin.end();
  await schema.drop();
}

const section = renderReplicaSection({ machine, runs, concurrency });
process.stdout.write(`${section}\n`);
if (!values['no-write']) {
  const file = join(ROOT, 'docs/benchmarks.md');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  writeFileSync(file, replaceManualSection(previous, REPLICAS_HEADING, section));
  say('Wrote the replica section of docs/benchmarks.md');
}
