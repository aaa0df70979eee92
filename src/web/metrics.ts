import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The bot's Prometheus metrics, served at GET /metrics. Code elsewhere records through the functions
 * below and never touches prom-client, so the metric names live in one file.
 */
const registry = new Registry();

/** Where a question came from. */
export type Surface = 'discord' | 'slack' | 'console' | 'cli';
export type QuestionOutcome = 'answered' | 'refused' | 'failed';

const questions = new Counter({
  name: 'gomez_questions_total',
  help: 'Questions asked, by surface and outcome (answered, refused: the corpus does not cover it, failed: an error).',
  labelNames: ['surface', 'outcome'] as const,
  registers: [registry],
});

const answerSeconds = new Histogram({
  name: 'gomez_answer_duration_seconds',
  help: 'Time from a question to its answer (or failure), by surface.',
  labelNames: ['surface'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30],
  registers: [registry],
});

const modelFallbacks = new Counter({
  name: 'gomez_model_fallbacks_total',
  help: 'Model-mode answers replaced by the extractive answer, by cause (timeout, rate-limited, invalid-answer…).',
  labelNames: ['cause'] as const,
  registers: [registry],
});

const digestPosts = new Counter({
  name: 'gomez_digest_posts_total',
  help: 'Scheduled digest posts, by platform and result (posted, failed).',
  labelNames: ['platform', 'result'] as const,
  registers: [registry],
});

const dedupeHits = new Counter({
  name: 'gomez_dedupe_hits_total',
  help: 'Platform events seen again (retries, re-deliveries, replays) and not answered twice.',
  labelNames: ['platform'] as const,
  registers: [registry],
});

const rateLimited = new Counter({
  name: 'gomez_rate_limited_total',
  help: 'Requests refused because the user asked more than RATE_LIMIT_PER_MINUTE.',
  labelNames: ['platform'] as const,
  registers: [registry],
});

export function recordQuestion(surface: Surface, outcome: QuestionOutcome, seconds: number): void {
  questions.inc({ surface, outcome });
  answerSeconds.observe({ surface }, seconds);
}

export function recordModelFallback(cause: string): void {
  modelFallbacks.inc({ cause });
}

export function recordDigestPost(platform: string, result: 'posted' | 'failed'): void {
  digestPosts.inc({ platform, result });
}

export function recordDedupeHit(platform: string): void {
  dedupeHits.inc({ platform });
}

export function recordRateLimited(platform: string): void {
  rateLimited.inc({ platform });
}

let processMetrics = false;

/** Adds Node's process metrics (memory, CPU, event loop) once a server exposes them; CLI runs skip it. */
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry, prefix: 'gomez_' });
}

/** The Prometheus text exposition of every metric. */
export function metricsText(): Promise<string> {
  return registry.metrics();
}

export const METRICS_CONTENT_TYPE = registry.contentType;
