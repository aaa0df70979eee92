import { DefaultRestOptions, InteractionResponseType, MessageFlags, Routes, type REST } from 'discord.js';
import { z } from 'zod';
import { log } from '../../../log.ts';

/**
 * In HTTP interactions mode Discord takes an interaction's first response as the body of the HTTP
 * answer to its request, not as a REST call. discord.js's interaction methods (reply, deferReply,
 * deferUpdate, respond…) still make that REST call; this module sits in discord.js's REST as its
 * `makeRequest` and turns the first callback of an interaction that arrived over HTTP into that HTTP
 * answer. Every other request (follow-ups, edits, channel posts) goes to Discord unchanged, so the
 * command and button handlers are the gateway's, untouched.
 *
 * When a handler has not answered by the acknowledgement deadline, the endpoint acknowledges for it
 * (a deferred reply or update); the handler's own first callback, made later, is then carried out as the
 * follow-up or edit it amounts to.
 */

type MakeRequest = typeof DefaultRestOptions.makeRequest;
type RequestInit = Parameters<MakeRequest>[1];
type ResponseLike = Awaited<ReturnType<MakeRequest>>;

/** What kind of first response an interaction takes. */
export type InteractionKind = 'command' | 'component' | 'autocomplete';

/** The body (and its content type) of an HTTP answer to Discord. */
export interface InitialResponse {
  contentType: string;
  body: Buffer;
}

/** How an interaction's first response came about. */
export interface FirstResponse {
  response: InitialResponse;
  /** Call once the HTTP answer is written: the handler's REST call then resolves. */
  sent(error?: Error): void;
}

interface Open {
  kind: InteractionKind;
  applicationId: string;
  token: string;
  state: 'waiting' | 'answered' | 'acknowledged-for-handler';
  settle(first: FirstResponse | null): void;
}

const CALLBACK_PATH = /\/interactions\/(\d+)\/[^/]+\/callback$/;
const CallbackBody = z.object({ type: z.number().int(), data: z.record(z.string(), z.unknown()).optional() });

function json(value: unknown): InitialResponse {
  return { contentType: 'application/json', body: Buffer.from(JSON.stringify(value)) };
}

/** Discord's reply to a callback made with with_response=false. */
function noContent(): ResponseLike {
  return new Response(null, { status: 204 }) as unknown as ResponseLike;
}

async function bodyOf(init: RequestInit): Promise<InitialResponse> {
  const headers = new Headers(init.headers as HeadersInit | undefined);
  if (typeof init.body === 'string') return { contentType: headers.get('content-type') ?? 'application/json', body: Buffer.from(init.body) };
  // Multipart (attachments): let the platform encode it and keep the boundary it chose.
  const encoded = new Response(init.body as BodyInit);
  return { contentType: encoded.headers.get('content-type') ?? headers.get('content-type') ?? 'application/octet-stream', body: Buffer.from(await encoded.arrayBuffer()) };
}

/** The acknowledgement the endpoint gives on a slow handler's behalf. */
function acknowledgementFor(kind: InteractionKind): InitialResponse {
  if (kind === 'autocomplete') return json({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
  if (kind === 'component') return json({ type: InteractionResponseType.DeferredMessageUpdate });
  return json({ type: InteractionResponseType.DeferredChannelMessageWithSource });
}

export class InitialResponses {
  private readonly open = new Map<string, Open>();

  constructor(
    /** discord.js's REST, for carrying out a late first response as a follow-up or edit. */
    private readonly rest: () => REST,
    private readonly forward: MakeRequest = DefaultRestOptions.makeRequest,
  ) {}

  /**
   * Starts waiting for an interaction's first response. `first` resolves with the handler's first
   * callback, with the acknowledgement given for it (acknowledge()), or with null (giveUp()).
   */
  expect(interaction: { id: string; token: string; applicationId: string; kind: InteractionKind }): {
    first: Promise<FirstResponse | null>;
    acknowledge(): void;
    giveUp(): void;
  } {
    let settle!: (first: FirstResponse | null) => void;
    const first = new Promise<FirstResponse | null>((resolve) => (settle = resolve));
    const entry: Open = { ...interaction, state: 'waiting', settle };
    this.open.set(interaction.id, entry);
    return {
      first,
      acknowledge: () => {
        if (entry.state !== 'waiting') return;
        entry.state = 'acknowledged-for-handler';
        settle({ response: acknowledgementFor(entry.kind), sent: () => undefined });
      },
      giveUp: () => {
        if (this.open.get(interaction.id) === entry) this.open.delete(interaction.id);
        if (entry.state === 'waiting') settle(null);
      },
    };
  }

  /** discord.js REST's `makeRequest`: first callbacks of HTTP interactions are answered here. */
  readonly makeRequest: MakeRequest = async (url, init) => {
    const id = init.method === 'POST' ? CALLBACK_PATH.exec(new URL(url).pathname)?.[1] : undefined;
    const entry = id ? this.open.get(id) : undefined;
    if (!id || !entry) return this.forward(url, init);
    if (entry.state === 'acknowledged-for-handler') {
      this.open.delete(id);
      await this.carryOutLate(entry, await bodyOf(init));
      return noContent();
    }
    this.open.delete(id);
    entry.state = 'answered';
    const response = await bodyOf(init);
    await new Promise<void>((resolve, reject) => entry.settle({ response, sent: (error) => (error ? reject(error) : resolve()) }));
    return noContent();
  };

  /** A handler's first response after the endpoint acknowledged for it, as the call it amounts to now. */
  private async carryOutLate(entry: Open, initial: InitialResponse): Promise<void> {
    const parsed = CallbackBody.safeParse(JSON.parse(initial.body.toString('utf8')));
    if (!parsed.success) throw new Error('discord: unexpected interaction callback body');
    const { type, data = {} } = parsed.data;
    const rest = this.rest();
    const original = Routes.webhookMessage(entry.applicationId, entry.token, '@original');
    const followUp = Routes.webhook(entry.applicationId, entry.token);
    const { flags, ...edit } = data;
    const isPrivate = (Number(flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    if (type === InteractionResponseType.UpdateMessage) {
      await rest.patch(original, { body: edit, auth: false });
    } else if (type === InteractionResponseType.ChannelMessageWithSource) {
      if (entry.kind === 'command' && !isPrivate) {
        await rest.patch(original, { body: edit, auth: false });
        return;
      }
      // A private reply cannot take the public placeholder's place: remove the placeholder, send it privately.
      if (entry.kind === 'command') {
        await rest.delete(original, { auth: false }).catch((error: unknown) => log.warn('discord: could not remove placeholder', { error }));
      }
      await rest.post(followUp, { body: data, auth: false });
    }
    // A late deferral or autocomplete result has nothing left to do: the acknowledgement stands.
  }
}
