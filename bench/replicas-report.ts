/** The replica benchmark's section of docs/benchmarks.md (rewritten by `npm run bench:replicas`). */
import type { Machine } from './machine.ts';
import type { BurstResult } from './replica-burst.ts';
import { fmtMs } from './stats.ts';
import { markdownTable, type Row } from './table.ts';

/** Identifies the section among the report's manual sections. */
export const REPLICAS_HEADING = '### (e) Replicas on PostgreSQL, end to end';

export interface ReplicaRun extends BurstResult {
  round: number;
  /** CPU time all replica processes used during the burst. */
  replicaCpuSeconds: number;
  /** CPU time of the PostgreSQL backends serving the replicas. */
  postgresCpuSeconds: number;
  /** CPU time of the benchmark process: signing and sending events, the fake Slack Web API. */
  generatorCpuSeconds: number;
}

/** Every event answered, one bot message per thread, nothing else posted. */
export const exactlyOnce = (r: BurstResult): boolean => r.answered === r.events && r.botMessages === r.events && r.duplicated === 0 && r.ephemerals === 0 && r.failedAcks === 0;

/** Cores the measured processes kept busy on average during the burst (the rest went to other jobs or idled). */
const coresUsed = (r: ReplicaRun): number => (r.replicaCpuSeconds + r.postgresCpuSeconds + r.generatorCpuSeconds) / r.seconds;

/** CPU milliseconds per answer of one part. */
const perAnswer = (seconds: number, r: BurstResult): number => (seconds * 1000) / Math.max(1, r.answered);

export function renderReplicaSection(input: { machine: Machine; runs: ReplicaRun[]; concurrency: number }): string {
  const { machine, runs, concurrency } = input;
  const header: Row = ['round', 'replicas', 'answered / events', 'answers/s', 'ack p50 / p95 / max', 'event → answer p50 / p95', 'bot messages', 'exactly once', 'CPU per answer: replicas / PostgreSQL / load generator', 'cores used by these'];
  const rows: Row[] = runs.map((r) => [
    r.round,
    r.replicas,
    `${r.answered} / ${r.events}`,
    r.answersPerSecond.toFixed(1),
    `${fmtMs(r.ackP50Ms)} / ${fmtMs(r.ackP95Ms)} / ${fmtMs(r.ackMaxMs)}`,
    `${fmtMs(r.answerP50Ms)} / ${fmtMs(r.answerP95Ms)}`,
    r.viaPlaceholder > 0 ? `${r.botMessages} (${r.viaPlaceholder} via a placeholder)` : r.botMessages,
    exactlyOnce(r)
      ? r.editedTwice > 0 ? `yes (${r.editedTwice} placeholders edited twice)` : 'yes'
      : `NO: ${[`${r.duplicated} threads with a second message`, `${r.events - r.answered} unanswered`, `${r.ephemerals} error notices`, `${r.failedAcks} failed acks`, `${r.editedTwice} placeholders edited twice`].filter((x) => !x.startsWith('0 ')).join(', ')}`,
    `${fmtMs(perAnswer(r.replicaCpuSeconds, r))} / ${fmtMs(perAnswer(r.postgresCpuSeconds, r))} / ${fmtMs(perAnswer(r.generatorCpuSeconds, r))}`,
    coresUsed(r).toFixed(2),
  ]);
  const ratios = [...new Set(runs.map((r) => r.round))]
    .map((round) => {
      const one = runs.find((r) => r.round === round && r.replicas === 1);
      const three = runs.find((r) => r.round === round && r.replicas === 3);
      return one && three ? `round ${round}: ${(three.answersPerSecond / one.answersPerSecond).toFixed(2)}×` : undefined;
    })
    .filter(Boolean)
    .join(', ');
  const best = (pick: (r: ReplicaRun) => number) => Math.min(...runs.map((r) => perAnswer(pick(r), r)));
  const bot = best((r) => r.replicaCpuSeconds + r.postgresCpuSeconds);
  const events = runs[0]?.events ?? 0;
  const placeholders = runs.reduce((sum, r) => sum + r.viaPlaceholder, 0);
  const answered = runs.reduce((sum, r) => sum + r.answered, 0);
  return [
    `${REPLICAS_HEADING}: \`npm run bench:replicas\``,
    '',
    `Machine: ${machine.date} — ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB RAM, Node ${machine.node}, load average at start ${machine.loadAverage}. Written by \`npm run bench:replicas\` (which \`npm run bench\` runs when PostgreSQL answers; otherwise it prints SKIPPED and leaves this section as it was).`,
    '',
    `Method: three real \`gomez slack\` processes (the CLI from src/ through tsx, Bolt HTTP receiver, extractive answers, default 30 s delivery lease) on one PostgreSQL 15 schema on the same machine, posting to the local fake Slack Web API (tests/fakes/slack) in the benchmark's own process. Each burst is ${events} correctly signed \`app_mention\` events, ${concurrency} POSTs in flight, round-robin over the replicas in use (1: only the first; 3: all three), each from another person so the per-person limit (10 a minute, counted in PostgreSQL) refuses none, questions from eval/frozen/chat-frozen.jsonl. Ack = the HTTP 200 of the event POST (Slack wants it within 3 s). An answer is complete when its final \`chat.postMessage\` (or the \`chat.update\` of its placeholder) reaches the fake; answers/s = answers ÷ (first POST → last answer). Exactly once = every event answered, one bot message per thread, no duplicate, no notice. Rounds alternate 1 and 3 replicas so both see the same machine; the idle replicas keep running (sweeps, digest ticks) during the 1-replica bursts; a 30-event warm-up burst is not counted. CPU per answer is read from /proc for the replica processes, the PostgreSQL backends serving them (found by application_name in pg_stat_activity; the server's background processes not counted) and the benchmark process.`,
    '',
    markdownTable(header, rows),
    '',
    `Three replicas vs one, same run: ${ratios}.`,
    '',
    `What limits scaling here is the machine, not the replicas or the shared state. It has ${machine.cpus} cores, shared by the replicas, PostgreSQL, the load generator with the fake Slack (signing, HTTP both ways) and other people's jobs: the last column shows how much of them the measured processes got (at most ${Math.max(...runs.map(coresUsed)).toFixed(2)} of ${machine.cpus}; the load average says how many others wanted them). Three replicas on the same cores add no cores, only processes competing for them: each answer then costs more CPU (each process batches less, PostgreSQL serves three connection pools), and acks wait longer because each event loop is scheduled less often. Answers slower than a second also cost more: they get a "looking…" placeholder that is then edited (one more Web API call and one more write each; here ${placeholders} of ${answered} answers). At the best measured cost, ${fmtMs(bot)} of CPU per answer in a replica and PostgreSQL together, two free cores would carry about ${Math.floor((machine.cpus * 1000) / bot)} answers/s. With a core or a machine per replica, throughput grows with the replicas until PostgreSQL saturates; the store's share of an answer alone runs at 150–200/s on this machine (section (d)).`,
  ].join('\n');
}
