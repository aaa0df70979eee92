import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { wrapCore, type AskOptions, type GomezCore } from '../../src/core.ts';
import { createCore } from '../../src/create-core.ts';
import { setLogLevel } from '../../src/log.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai.ts';
import { consoleDriver, discordDriver, slackDriver, type Outcome, type SurfaceDriver, type Via } from './surfaces.ts';

/**
 * One conversation, scripted once, run on Slack, Discord and the console through their real clients
 * and local fakes: every surface must behave the same. The core runs in model mode against a fake
 * OpenAI server that always fails (HTTP 500), so every answer is the extractive fallback, and we can
 * count model calls ("More quotes" must make none).
 */
interface Step {
  what: string;
  who: 'alice' | 'bob';
  /** A message, or "More quotes" under the person's last answer. */
  say?: string;
  more?: true;
  via?: Via;
  expect: Outcome;
  /** The outcome where a thread message can only arrive addressed (Discord slash command): a mention is always answered. */
  expectAddressed?: Outcome;
  /** Earlier questions that must not be in this answer's context (someone else's). */
  notFrom?: string[];
  /** Earlier questions that must be (the asker's own). */
  from?: string[];
  /** Model calls this step may make. */
  modelCalls?: 0;
}

const ROBOTICS = 'What did Gomez say about robotics?';
const DATA = 'What does he think about data quality?';

/** Alice may search three times a minute: question, follow-up, "More quotes"; the fourth is refused. */
const RATE_PER_MINUTE = 3;

const SCRIPT: Step[] = [
  { what: 'a question is answered, from the model failure fallback', who: 'alice', say: ROBOTICS, via: 'address', expect: 'answer' },
  { what: "a follow-up uses the asker's own earlier question", who: 'alice', say: 'and why?', via: 'thread', expect: 'answer', from: [ROBOTICS] },
  { what: 'thanks from another member gets a reaction, never an answer', who: 'bob', say: 'thanks!', via: 'thread', expect: 'ack' },
  { what: 'chatter in the thread gets nothing', who: 'bob', say: 'lol nice', via: 'thread', expect: 'nothing', expectAddressed: 'answer' },
  { what: 'disagreement in the thread gets nothing', who: 'bob', say: 'Interesting, I disagree with that', via: 'thread', expect: 'nothing', expectAddressed: 'answer' },
  { what: 'help gets help with example questions', who: 'bob', say: 'help', via: 'address', expect: 'help' },
  { what: 'a greeting gets help', who: 'bob', say: 'hi', via: 'address', expect: 'help' },
  { what: "a second person's question never carries the first person's context", who: 'bob', say: DATA, via: 'thread', expect: 'answer', notFrom: [ROBOTICS, 'and why?'] },
  { what: '"More quotes" pages the same ranking without asking the model', who: 'alice', more: true, expect: 'page', modelCalls: 0 },
  { what: 'over the rate limit, the asker alone is told to wait', who: 'alice', say: 'What did he say about scale?', via: 'address', expect: 'private' },
];

let model: FakeOpenAI;
let core: GomezCore;
/** Every history the core was asked with, per question. */
const asked: Array<{ question: string; history: string[] }> = [];

beforeAll(async () => {
  setLogLevel('silent');
  model = await startFakeOpenAI();
  model.onChat(() => ({ kind: 'status', status: 500 }));
  const real = await createCore({
    corpusDir: 'corpus',
    env: readEnv({ OPENAI_BASE_URL: model.baseURL, OPENAI_API_KEY: 'sk-test-key-abcdef', LOG_LEVEL: 'silent' }),
  });
  core = wrapCore(real, {
    ask: (question: string, options?: AskOptions) => {
      asked.push({ question, history: (options?.history ?? []).map((t) => t.question) });
      return real.ask(question, options);
    },
  });
});
afterAll(async () => model?.close());

const SURFACES: Array<[string, (core: GomezCore, rate: number) => Promise<SurfaceDriver>]> = [
  ['slack', slackDriver],
  ['discord', discordDriver],
  ['console', consoleDriver],
];

describe.each(SURFACES)('the conversation script on %s', (_name, start) => {
  let surface: SurfaceDriver;
  beforeAll(async () => {
    surface = await start(core, RATE_PER_MINUTE);
  });
  afterAll(async () => surface?.close());

  it('behaves as the script says, step by step', async () => {
    const modelBefore = model.chatRequests().length;
    for (const step of SCRIPT) {
      const calls = model.chatRequests().length;
      const from = asked.length;
      const seen = step.more ? await surface.more(step.who) : await surface.say(step.who, step.say!, step.via ?? 'address');
      const expected = step.via === 'thread' && !surface.threadMessages ? (step.expectAddressed ?? step.expect) : step.expect;
      expect(seen.outcome, `${surface.name}: ${step.what}: ${seen.text.slice(0, 200)}`).toBe(expected);
      const mine = asked.slice(from).filter((a) => a.question === step.say);
      for (const q of step.notFrom ?? []) for (const a of mine) expect(a.history, `${surface.name}: ${step.what}`).not.toContain(q);
      for (const q of step.from ?? []) expect(mine.some((a) => a.history.includes(q)), `${surface.name}: ${step.what}`).toBe(true);
      if (step.modelCalls === 0) expect(model.chatRequests().length, `${surface.name}: ${step.what}`).toBe(calls);
      if (step.expect === 'private' && !step.more) expect(seen.text).toMatch(/try again in \d+ s/);
    }
    // Model mode was on: the first question went to the (failing) model before falling back.
    expect(model.chatRequests().length).toBeGreaterThan(modelBefore);
  });
});
