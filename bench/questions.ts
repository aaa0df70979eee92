/**
 * About 200 realistic questions for a podcast corpus: "what did <speaker> say about <topic>" for the
 * corpus's most frequent speakers, and plain topic questions. Deterministic (seeded), so runs compare.
 */
import type { Corpus } from '../src/corpus/types.ts';

const TOPICS = [
  'open source funding', 'burnout', 'testing', 'TypeScript', 'Rust', 'Go', 'Kubernetes', 'Docker', 'serverless',
  'databases', 'SQLite', 'Postgres', 'GraphQL', 'React', 'JavaScript frameworks', 'web performance', 'accessibility',
  'security', 'supply chain attacks', 'npm', 'package managers', 'large language models', 'machine learning in production',
  'data science', 'GPUs', 'hiring engineers', 'remote work', 'documentation', 'developer experience', 'code review',
  'monorepos', 'continuous integration', 'observability', 'microservices', 'WebAssembly', 'Linux', 'licensing',
  'community', 'startups', 'venture capital', 'pricing', 'mentoring', 'career advice', 'starting simple',
  'technical debt', 'refactoring', 'pair programming', 'Elixir', 'Ruby on Rails', 'Python', 'Node.js', 'Deno',
];

const FRAMES = [
  (who: string, topic: string) => `What did ${who} say about ${topic}?`,
  (who: string, topic: string) => `What does ${who} think about ${topic}?`,
  (who: string, topic: string) => `How does ${who} see ${topic}?`,
];
const PLAIN = [(topic: string) => `What was said about ${topic}?`, (topic: string) => `${topic}?`];

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchmarkQuestions(corpus: Corpus, count = 200): string[] {
  const counts = new Map<string, number>();
  for (const p of corpus.passages) if (p.speaker) counts.set(p.speaker, (counts.get(p.speaker) ?? 0) + 1);
  const speakers = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([name]) => name);
  const next = random(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const out: string[] = ['What did Travis Fischer say about starting simple?'];
  while (out.length < count) {
    const topic = pick(TOPICS);
    if (speakers.length > 0 && next() < 0.75) out.push(pick(FRAMES)(pick(speakers), topic));
    else out.push(pick(PLAIN)(topic));
  }
  return out;
}
