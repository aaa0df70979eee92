import { PassThrough } from 'node:stream';
import { MessageFlags } from 'discord.js';
import { chatLoop } from '../../src/adapters/cli/commands/chat.ts';
import { ACTION_IDS } from '../../src/adapters/slack/action-ids.ts';
import { SharedBotState } from '../../src/bot/shared-state.ts';
import type { GomezCore } from '../../src/core.ts';
import { buttonPress, fakeUser, slashCommand } from '../fakes/discord/payloads.ts';
import type { FakeUser } from '../fakes/discord/server.ts';
import { newTs } from '../fakes/slack/requests.ts';
import { bodyOf, isCallback, isFollowUp, isOriginalEdit, startTestBot } from '../adapters/discord/harness.ts';
import { startHarness } from '../adapters/slack/harness.ts';
import { openTestStore } from '../store/test-store.ts';

/** What a person saw after one step, the same words on every surface. */
export type Outcome = 'answer' | 'page' | 'help' | 'ack' | 'nothing' | 'private';

/**
 * How a step reaches the bot: `address` talks to it (Slack mention in the thread, Discord slash
 * command, a console line); `thread` is a message in the thread without a mention (Slack; on the
 * console, a line after an answer), which Discord can only receive as a slash command.
 */
export type Via = 'address' | 'thread';

export interface Observed {
  outcome: Outcome;
  /** Text the person saw (answer lead, notice, help…), for extra checks. */
  text: string;
}

/** One surface driven through its real client and fake: the same script runs on each. */
export interface SurfaceDriver {
  readonly name: 'slack' | 'discord' | 'console';
  /** Whether an unmentioned thread message reaches the bot as such (else it arrives addressed). */
  readonly threadMessages: boolean;
  say(who: string, text: string, via: Via): Promise<Observed>;
  /** Presses "More quotes" (or types /more) under the person's last answer. */
  more(who: string): Promise<Observed>;
  close(): Promise<void>;
}

const HELP_MARK = /For example:|Try:/;

// ---------------------------------------------------------------- Slack (real Bolt, fake Web API)

export async function slackDriver(core: GomezCore, ratePerMinute: number): Promise<SurfaceDriver> {
  const h = await startHarness({ core, env: { RATE_LIMIT_PER_MINUTE: String(ratePerMinute) } });
  const users: Record<string, string> = {};
  const userOf = (who: string) => (users[who] ??= `U${who.toUpperCase()}`);
  let threadTs: string | undefined;
  const lastAnswer: Record<string, { answerId: string; ts: string }> = {};

  const observe = async (who: string, act: () => Promise<unknown>): Promise<Observed> => {
    const before = h.fake.calls.length;
    await act();
    await h.slack.idle();
    const calls = h.fake.calls.slice(before);
    const posted = calls.find((c) => c.method === 'chat.postMessage');
    const updated = calls.find((c) => c.method === 'chat.update');
    const privately = calls.find((c) => c.method === 'chat.postEphemeral');
    if (calls.some((c) => c.method === 'reactions.add')) return { outcome: 'ack', text: '' };
    if (privately) return { outcome: 'private', text: String(privately.args.text) };
    if (updated) return { outcome: 'page', text: JSON.stringify(updated.args.blocks) };
    if (posted) {
      const text = String(posted.args.text);
      if (HELP_MARK.test(JSON.stringify(posted.args.blocks))) return { outcome: 'help', text };
      threadTs ??= String(posted.args.thread_ts);
      const more = JSON.stringify(posted.args.blocks).match(new RegExp(`"action_id":"${ACTION_IDS.feedbackUp}","value":"([^"]+)"`));
      if (more) lastAnswer[who] = { answerId: more[1]!, ts: String(posted.result?.ts) };
      return { outcome: 'answer', text };
    }
    return { outcome: 'nothing', text: '' };
  };

  return {
    name: 'slack',
    threadMessages: true,
    say: (who, text, via) =>
      observe(who, async () => {
        if (via === 'address') await h.slackRequests.mention({ text, user: userOf(who), ts: newTs(), ...(threadTs ? { threadTs } : {}) });
        else await h.slackRequests.message({ text, user: userOf(who), threadTs: threadTs! });
      }),
    more: (who) =>
      observe(who, () => h.slackRequests.click({ actionId: ACTION_IDS.moreQuotes, value: lastAnswer[who]!.answerId, messageTs: lastAnswer[who]!.ts, user: userOf(who) })),
    close: () => h.close(),
  };
}

// ---------------------------------------------------------------- Discord (real discord.js, fake gateway and REST)

export async function discordDriver(core: GomezCore, ratePerMinute: number): Promise<SurfaceDriver> {
  const t = await startTestBot(core, { env: { RATE_LIMIT_PER_MINUTE: String(ratePerMinute) } });
  const users: Record<string, FakeUser> = {};
  const userOf = (who: string) => (users[who] ??= fakeUser(who));
  const lastAnswer: Record<string, { answerId: string; message: Record<string, unknown> & { id: string } }> = {};

  const ephemeral = (body: Record<string, any>): Observed => {
    const data = body.data ?? body;
    const text = [data.content ?? '', ...(data.embeds ?? []).map((e: any) => `${e.title ?? ''} ${e.description ?? ''}`)].join(' ');
    if (!(Number(data.flags ?? 0) & MessageFlags.Ephemeral)) throw new Error(`discord: expected an ephemeral reply, got ${JSON.stringify(body)}`);
    if (HELP_MARK.test(text)) return { outcome: 'help', text };
    if (/🙏/.test(text)) return { outcome: 'ack', text };
    return { outcome: 'private', text };
  };

  /** What followed an interaction's acknowledgement: the edited original, or a private follow-up. */
  const after = async (interaction: { id: string; token: string }, outcome: 'answer' | 'page'): Promise<Observed & { body?: Record<string, any> }> => {
    const next = await Promise.race([
      t.fake.waitForCall(isOriginalEdit(interaction)).then((c) => ({ kind: 'edit' as const, call: c })),
      t.fake.waitForCall(isFollowUp(interaction)).then((c) => ({ kind: 'follow' as const, call: c })),
    ]);
    if (next.kind === 'follow') return ephemeral(bodyOf(next.call));
    const body = bodyOf(next.call);
    return { outcome, text: JSON.stringify(body.embeds), body };
  };

  return {
    name: 'discord',
    threadMessages: false,
    // Each step waits for its delivery to be done as well as for the reply: the bot records the turn
    // just after replying, and the next step (a follow-up) must see it, as a person typing would.
    async say(who, text) {
      const interaction = slashCommand(t.fake, { subcommand: 'ask', options: { question: text }, user: userOf(who) });
      t.fake.dispatchInteraction(interaction);
      const callback = bodyOf(await t.fake.waitForCall(isCallback(interaction)));
      if (callback.type === 4) return t.delivered(interaction.id).then(() => ephemeral(callback));
      const seen = await after(interaction, 'answer');
      if (seen.outcome === 'answer') lastAnswer[who] = { answerId: interaction.id, message: t.fake.originalMessage(interaction.token) as never };
      await t.delivered(interaction.id);
      return { outcome: seen.outcome, text: seen.text };
    },
    async more(who) {
      const last = lastAnswer[who]!;
      const press = buttonPress(t.fake, { user: userOf(who), customId: `gomez:more:${last.answerId}`, message: last.message });
      t.fake.dispatchInteraction(press);
      const callback = bodyOf(await t.fake.waitForCall(isCallback(press)));
      if (callback.type === 4) return t.delivered(press.id).then(() => ephemeral(callback));
      const seen = await after(press, 'page');
      await t.delivered(press.id);
      return { outcome: seen.outcome, text: seen.text };
    },
    close: () => t.close(),
  };
}

// ---------------------------------------------------------------- Console (the chat loop, one per person, shared state)

export async function consoleDriver(core: GomezCore, ratePerMinute: number): Promise<SurfaceDriver> {
  const store = await openTestStore({ prefix: 'gomez-console-' });
  const state = new SharedBotState(store, { ratePerMinute });
  const sessions = new Map<string, { input: PassThrough; chunks: string[]; waiters: Array<() => void>; done: Promise<void> }>();

  const session = (who: string) => {
    let s = sessions.get(who);
    if (s) return s;
    const input = new PassThrough();
    const output = new PassThrough();
    const created = { input, chunks: [] as string[], waiters: [] as Array<() => void>, done: Promise.resolve() };
    output.on('data', (chunk: Buffer) => {
      created.chunks.push(String(chunk));
      // Every turn ends with one empty line of its own.
      if (String(chunk) === '\n') created.waiters.shift()?.();
    });
    created.done = chatLoop(core, { stdout: output, stderr: new PassThrough() }, input, { state, userId: who });
    sessions.set(who, created);
    return created;
  };

  const turn = async (who: string, line: string): Promise<string> => {
    const s = session(who);
    const ended = new Promise<void>((resolve) => s.waiters.push(resolve));
    const from = s.chunks.length;
    s.input.write(`${line}\n`);
    await ended;
    return s.chunks.slice(from, -1).join('').trim();
  };

  const classify = (text: string): Observed => {
    if (text === '') return { outcome: 'nothing', text };
    if (text === '🙏') return { outcome: 'ack', text };
    if (HELP_MARK.test(text)) return { outcome: 'help', text };
    if (text.startsWith('More quotes:')) return { outcome: 'page', text };
    if (/— Aidan Gomez/.test(text)) return { outcome: 'answer', text };
    return { outcome: 'private', text };
  };

  return {
    name: 'console',
    // After the bot has answered, a console line is a message in its conversation, like a thread reply.
    threadMessages: true,
    say: async (who, text) => classify(await turn(who, text)),
    more: async (who) => classify(await turn(who, '/more')),
    async close() {
      for (const s of sessions.values()) s.input.end();
      await Promise.all([...sessions.values()].map((s) => s.done));
      await store.close();
    },
  };
}
