import type { IncomingMessage, ServerResponse } from 'node:http';
import { InteractionResponseType, InteractionType, type Client } from 'discord.js';
import { z } from 'zod';
import { log } from '../../../log.ts';
import type { WebHandler } from '../../../web/routes.ts';
import type { DiscordContext } from '../context.ts';
import { claimInteraction, handleInteraction } from '../interactions.ts';
import type { InitialResponses, InteractionKind } from './initial-responses.ts';
import { interactionFromPayload } from './raw-interaction.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, type SignatureVerifier } from './signature.ts';

/** Where Discord posts interactions (the Developer Portal's Interactions Endpoint URL). */
export const INTERACTIONS_PATH = '/discord/interactions';

/** Interaction payloads are a few kilobytes; anything far larger is not Discord. */
const BODY_LIMIT = 1024 * 1024;

/** The envelope every interaction has; the rest is read by discord.js's own structures. */
const Envelope = z.object({
  id: z.string().regex(/^\d+$/),
  type: z.number().int(),
  token: z.string().min(1),
  application_id: z.string().regex(/^\d+$/),
});

export interface InteractionsEndpointDeps {
  ctx: DiscordContext;
  client: Client;
  verifier: SignatureVerifier;
  responses: InitialResponses;
  /** How long a handler may take before the endpoint acknowledges for it (Discord allows 3 s in all). */
  acknowledgeAfterMs: number;
  /** Each interaction's handling, which goes on (follow-ups, edits) after the HTTP answer. */
  track(handling: Promise<void>): void;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > BODY_LIMIT) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, done?: (error?: Error) => void): void {
  res.once('close', () => done?.(res.writableFinished ? undefined : new Error('discord closed the connection before the answer')));
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

const sendText = (res: ServerResponse, status: number, text: string) => send(res, status, 'text/plain; charset=utf-8', `${text}\n`);

function kindOf(type: number): InteractionKind {
  if (type === InteractionType.ApplicationCommandAutocomplete) return 'autocomplete';
  if (type === InteractionType.MessageComponent) return 'component';
  return 'command';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * POST /discord/interactions: Discord's HTTP interactions. A request whose Ed25519 signature does not
 * verify gets 401 and nothing else happens; PING gets PONG; a replayed interaction gets 409 and is not
 * answered again. Anything else becomes the same discord.js Interaction the gateway would deliver and
 * goes to the same handler; its first response is the HTTP answer (initial-responses.ts), given within
 * `acknowledgeAfterMs` by a deferral when the handler is slower.
 */
export function createInteractionsEndpoint(deps: InteractionsEndpointDeps): WebHandler {
  return async (req, res) => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendText(res, 405, 'method not allowed');
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      return sendText(res, error instanceof BodyTooLarge ? 413 : 400, 'unreadable request');
    }
    if (!(await deps.verifier.verify(header(req, SIGNATURE_HEADER), header(req, TIMESTAMP_HEADER), body))) {
      log.warn('discord: interaction request refused: bad or missing signature');
      return sendText(res, 401, 'invalid request signature');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return sendText(res, 400, 'malformed interaction');
    }
    const envelope = Envelope.safeParse(payload);
    if (!envelope.success) return sendText(res, 400, 'malformed interaction');
    const { id, type, token, application_id: applicationId } = envelope.data;
    if (type === InteractionType.Ping) return send(res, 200, 'application/json', JSON.stringify({ type: InteractionResponseType.Pong }));

    const interaction = interactionFromPayload(deps.client, payload);
    if (!interaction) return sendText(res, 400, 'unsupported interaction');
    const lease = await claimInteraction(interaction, deps.ctx);
    if (!lease) return sendText(res, 409, 'interaction already answered');
    const pending = deps.responses.expect({ id, token, applicationId, kind: kindOf(type) });
    const timer = setTimeout(pending.acknowledge, deps.acknowledgeAfterMs);
    deps.track(handleInteraction(interaction, deps.ctx, lease).finally(pending.giveUp));
    const first = await pending.first;
    clearTimeout(timer);
    if (!first) {
      // The handler finished without answering (not our command): Discord shows its own failure notice.
      log.warn('discord: interaction left unanswered', { interactionId: id, type });
      return sendText(res, 400, 'interaction not handled');
    }
    send(res, 200, first.response.contentType, first.response.body, first.sent);
  };
}
