import { MessageFlags, REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InitialResponses, type InteractionKind } from '../../../src/adapters/discord/http/initial-responses.ts';
import { fakeUser, slashCommand } from '../../fakes/discord/payloads.ts';
import { FakeDiscord } from '../../fakes/discord/server.ts';
import { bodyOf, isFollowUp, isOriginalEdit } from './calls.ts';

/**
 * The first response of an HTTP interaction, through a real discord.js REST whose makeRequest is
 * InitialResponses, against the fake Discord: in time it becomes the HTTP answer; after the endpoint
 * acknowledged for a slow handler, it is carried out as the edit or follow-up it amounts to.
 */
describe('InitialResponses (first responses of HTTP interactions)', () => {
  let fake: FakeDiscord;
  let rest: REST;
  let responses: InitialResponses;
  const alice = fakeUser('alice');

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    responses = new InitialResponses(() => rest);
    rest = new REST({ api: fake.apiUrl, makeRequest: responses.makeRequest }).setToken(fake.token);
  });
  afterAll(async () => fake?.close());

  function interaction(kind: InteractionKind = 'command') {
    const payload = slashCommand(fake, { subcommand: 'ask', options: { question: 'q' }, user: alice });
    return { payload, open: responses.expect({ id: payload.id, token: payload.token, applicationId: fake.applicationId, kind }) };
  }

  const callback = (payload: { id: string; token: string }, body: unknown) =>
    rest.post(Routes.interactionCallback(payload.id, payload.token), { body, auth: false });

  it('a first callback in time becomes the HTTP answer and resolves once it is sent; nothing reaches Discord', async () => {
    const { payload, open } = interaction();
    const made = callback(payload, { type: 5 });
    const first = await open.first;
    expect(first).not.toBeNull();
    expect(JSON.parse(first!.response.body.toString('utf8'))).toEqual({ type: 5 });
    expect(first!.response.contentType).toBe('application/json');
    first!.sent();
    await made;
    expect(fake.callsFor(payload)).toEqual([]);
  });

  it('after the endpoint acknowledged, a late public reply edits the placeholder', async () => {
    const { payload, open } = interaction();
    open.acknowledge();
    expect(JSON.parse((await open.first)!.response.body.toString('utf8'))).toEqual({ type: 5 });
    await callback(fake.deferredOverHttp(payload), { type: 4, data: { content: 'the answer', allowed_mentions: { parse: [] } } });
    const edit = bodyOf(await fake.waitForCall(isOriginalEdit(payload)));
    expect(edit).toMatchObject({ content: 'the answer' });
    expect(fake.originalMessage(payload.token)).toMatchObject({ content: 'the answer' });
  });

  it('after the endpoint acknowledged, a late private reply removes the placeholder and follows up privately', async () => {
    const { payload, open } = interaction();
    open.acknowledge();
    await open.first;
    await callback(fake.deferredOverHttp(payload), { type: 4, data: { content: 'only you', flags: MessageFlags.Ephemeral } });
    const followUp = bodyOf(await fake.waitForCall(isFollowUp(payload)));
    expect(followUp).toMatchObject({ content: 'only you', flags: 64 });
    expect(fake.callsFor(payload).map((c) => c.method)).toEqual(['DELETE', 'POST']);
    expect(fake.originalMessage(payload.token)).toBeUndefined();
  });

  it('a late deferral is absorbed: the acknowledgement stands and nothing is sent', async () => {
    const { payload, open } = interaction('component');
    open.acknowledge();
    expect(JSON.parse((await open.first)!.response.body.toString('utf8'))).toEqual({ type: 6 });
    await callback(payload, { type: 6 });
    expect(fake.callsFor(payload)).toEqual([]);
  });

  it('an interaction given up on resolves with null, and its callbacks go to Discord as usual', async () => {
    const { payload, open } = interaction();
    open.giveUp();
    expect(await open.first).toBeNull();
    await expect(callback(payload, { type: 5 })).rejects.toThrow(/Unknown interaction/);
  });
});
