/**
 * A local fake of the OpenAI HTTP API (chat completions and embeddings) for tests that drive the real
 * `ChatOpenAI` / `OpenAIEmbeddings` clients. Listens on 127.0.0.1, random port; records every request;
 * each chat call is answered by a per-test script (valid answer, hang, 429, 500, malformed body…).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readBodyText } from './http.ts';

/** One request the fake received, body parsed as JSON when it was JSON. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** One chat message as sent by the client. */
export interface FakeChatMessage {
  role: string;
  content: string;
}

/** The parts of a chat completion request a script looks at. */
export interface FakeChatRequest {
  model: string;
  messages: FakeChatMessage[];
  /** All message contents joined: handy for "does the prompt contain X". */
  text: string;
  raw: Record<string, unknown>;
}

/** How the fake answers one chat completion request. */
export type ChatReply =
  | { kind: 'content'; content: string; finishReason?: string }
  /** Never answers (until the server closes). */
  | { kind: 'hang' }
  /** An HTTP error with an OpenAI-style error body. */
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
  /** A 200 response whose body is exactly this text (e.g. truncated JSON). */
  | { kind: 'raw'; body: string; contentType?: string };

export type ChatScript = (request: FakeChatRequest, index: number) => ChatReply;

export interface FakeOpenAI {
  /** Base URL to give the client, ending in /v1. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  /** Chat completion requests received so far, in order. */
  chatRequests(): FakeChatRequest[];
  /** Every text sent to /v1/embeddings so far, in order. */
  embeddedTexts(): string[];
  /** Replace the chat script (default: a fixed "{}" answer). */
  onChat(script: ChatScript): void;
  /** Make /v1/embeddings answer with this HTTP status from now on (null: answer normally). */
  failEmbeddings(status: number | null): void;
  close(): Promise<void>;
}

export const FAKE_EMBEDDING_DIMENSIONS = 64;

/**
 * A deterministic embedding: character unigrams and bigrams hashed into a small normalised vector,
 * so texts sharing words (or Chinese characters) are close, as with a real model.
 */
export function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(FAKE_EMBEDDING_DIMENSIONS).fill(0);
  const chars = [...text.toLowerCase().replace(/\s+/g, ' ')];
  const bump = (gram: string, weight: number) => {
    let h = 2166136261;
    for (let i = 0; i < gram.length; i++) h = Math.imul(h ^ gram.charCodeAt(i), 16777619);
    const slot = (h >>> 0) % FAKE_EMBEDDING_DIMENSIONS;
    v[slot] = (v[slot] ?? 0) + weight;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c.trim()) bump(c, 0.5);
    if (i + 1 < chars.length) bump(c + (chars[i + 1] ?? ''), 1);
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

function toBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}


function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens string or content-part message content into text. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
  }
  return '';
}

function toChatRequest(body: unknown): FakeChatRequest {
  const raw = isRecord(body) ? body : {};
  const messages = (Array.isArray(raw.messages) ? raw.messages : []).map((m): FakeChatMessage => {
    const record = isRecord(m) ? m : {};
    return { role: String(record.role ?? ''), content: contentText(record.content) };
  });
  return {
    model: String(raw.model ?? ''),
    messages,
    text: messages.map((m) => m.content).join('\n'),
    raw,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

let completionCounter = 0;

function chatCompletion(model: string, content: string, finishReason: string): unknown {
  completionCounter += 1;
  const promptTokens = 100;
  const completionTokens = Math.max(1, Math.ceil(content.length / 4));
  return {
    id: `chatcmpl-fake${completionCounter}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: 'fp_fake',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let script: ChatScript = () => ({ kind: 'content', content: '{}' });
  let embeddingFailure: number | null = null;
  let chatIndex = 0;

  const handleChat = (body: unknown, res: ServerResponse) => {
    const request = toChatRequest(body);
    const reply = script(request, chatIndex++);
    switch (reply.kind) {
      case 'content':
        sendJson(res, 200, chatCompletion(request.model, reply.content, reply.finishReason ?? 'stop'));
        return;
      case 'hang':
        return; // left open; close() destroys the socket
      case 'status':
        sendJson(
          res,
          reply.status,
          { error: { message: reply.message ?? `fake error ${reply.status}`, type: 'fake_error', param: null, code: null } },
          reply.headers,
        );
        return;
      case 'raw':
        res.writeHead(200, { 'content-type': reply.contentType ?? 'application/json' });
        res.end(reply.body);
        return;
    }
  };

  const handleEmbeddings = (body: unknown, res: ServerResponse) => {
    if (embeddingFailure !== null) {
      sendJson(res, embeddingFailure, { error: { message: 'fake embeddings failure', type: 'fake_error' } });
      return;
    }
    const raw = isRecord(body) ? body : {};
    const inputs = Array.isArray(raw.input) ? raw.input.map(String) : [String(raw.input ?? '')];
    const base64 = raw.encoding_format === 'base64';
    const tokens = inputs.reduce((n, t) => n + Math.ceil(t.length / 4), 0);
    sendJson(res, 200, {
      object: 'list',
      model: String(raw.model ?? ''),
      data: inputs.map((text, index) => {
        const vector = fakeEmbedding(text);
        return { object: 'embedding', index, embedding: base64 ? toBase64(vector) : vector };
      }),
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  };

  const server = createServer((req, res) => {
    void (async () => {
      const text = await readBodyText(req);
      const body = parseJson(text);
      const path = (req.url ?? '').split('?')[0] ?? '';
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      if (req.method === 'POST' && path.endsWith('/chat/completions')) return handleChat(body, res);
      if (req.method === 'POST' && path.endsWith('/embeddings')) return handleEmbeddings(body, res);
      sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => toChatRequest(r.body)),
    embeddedTexts: () =>
      requests
        .filter((r) => r.path.endsWith('/embeddings'))
        .flatMap((r) => {
          const raw = isRecord(r.body) ? r.body : {};
          return Array.isArray(raw.input) ? raw.input.map(String) : [String(raw.input ?? '')];
        }),
    onChat: (next) => {
      script = next;
    },
    failEmbeddings: (status) => {
      embeddingFailure = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
