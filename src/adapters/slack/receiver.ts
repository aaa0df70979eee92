/**
 * The HTTP receiver: our own server in front of Bolt's HTTPReceiver. Every request to /slack/events is
 * read once, checked (request-guard.ts) and only then handed to Bolt with its body already buffered;
 * with the OAuth install, GET /slack/install and /slack/oauth_redirect go to Bolt's installer
 * (@slack/oauth: state cookie, code exchange, installation stored). Every other path is the web
 * surface's. Nothing a client sends can throw past this server: a failure is a 4xx/5xx answer and a log line.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTPReceiver, type App, type InstallationStore, type Logger, type Receiver, type webApi } from '@slack/bolt';
import { log } from '../../log.ts';
import { HEALTH_PATH, type WebHandler } from '../../web/routes.ts';
import { guardSlackRequest } from './request-guard.ts';

export const EVENTS_PATH = '/slack/events';
/** Where an install starts ("Add to Slack" links here) and where Slack sends the browser back with a code. */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** What the OAuth install into many workspaces needs (Bolt's installer options). */
export interface InstallOptions {
  clientId: string;
  clientSecret: string;
  /** Signs the state parameter, checked against the browser's state cookie on the way back. */
  stateSecret: string;
  installationStore: InstallationStore;
  /** Bot scopes asked for (the manifest's `oauth_config.scopes.bot`). */
  scopes: string[];
  /** Slack's authorize page (default https://slack.com/oauth/v2/authorize; tests use a fake). */
  authorizationUrl?: string;
  /** For oauth.v2.access and auth.test during the exchange (API base, logger). */
  clientOptions: webApi.WebClientOptions;
}
/** Bolt's own limit: Slack payloads are far smaller. */
const BODY_LIMIT = 4 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, text = ''): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

export class GuardedHttpReceiver implements Receiver {
  private readonly bolt: HTTPReceiver;
  private server: Server | undefined;

  constructor(
    /** `web`: the bot's web surface (src/web), answering every path but Slack's; `install`: the OAuth install. */
    private readonly options: { signingSecret: string; logger: Logger; web?: WebHandler; install?: InstallOptions },
  ) {
    const install = options.install;
    this.bolt = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: EVENTS_PATH,
      logger: options.logger,
      ...(install
        ? {
            clientId: install.clientId,
            clientSecret: install.clientSecret,
            stateSecret: install.stateSecret,
            installationStore: install.installationStore,
            scopes: install.scopes,
            installerOptions: {
              installPath: INSTALL_PATH,
              redirectUriPath: REDIRECT_PATH,
              // /slack/install goes straight to Slack's consent page (no intermediate "Add to Slack" page).
              directInstall: true,
              clientOptions: install.clientOptions,
              ...(install.authorizationUrl ? { authorizationUrl: install.authorizationUrl } : {}),
            },
          }
        : {}),
    });
  }

  /** Bolt's installer when the OAuth install is on: the App takes its `authorize` (tokens per workspace) from here. */
  get installer(): HTTPReceiver['installer'] {
    return this.bolt.installer;
  }

  init(app: App): void {
    this.bolt.init(app);
  }

  /** Listens on a port (0: any free one), optionally on one host; resolves with the server once bound. */
  async start(listen: number | { port: number; host?: string }): Promise<Server> {
    const { port, host } = typeof listen === 'number' ? { port: listen, host: undefined } : listen;
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        log.error('slack: request handling failed', { error, path: req.url });
        answer(res, 500);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port, host }, () => resolve());
    });
    this.server = server;
    return server;
  }

  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.closeIdleConnections();
      server.close(() => resolve());
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (this.bolt.installer && (path === INSTALL_PATH || path === REDIRECT_PATH)) {
      if (req.method !== 'GET') return answer(res, 405, 'method not allowed');
      // Bolt's installer answers it (a redirect to Slack, or the page after the code exchange).
      this.bolt.requestListener(req, res);
      return;
    }
    if (path !== EVENTS_PATH && this.options.web) return this.options.web(req, res);
    if (path === HEALTH_PATH && req.method === 'GET') return answer(res, 200, 'ok');
    if (path !== EVENTS_PATH) return answer(res, 404, 'not found');
    if (req.method !== 'POST') return answer(res, 405, 'method not allowed');
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      return answer(res, error instanceof BodyTooLarge ? 413 : 400);
    }
    const verdict = guardSlackRequest({ headers: req.headers, body: body.toString('utf8') }, this.options.signingSecret);
    if (!verdict.ok) {
      log.warn('slack: request refused', { status: verdict.status, reason: verdict.reason });
      return answer(res, verdict.status);
    }
    // Bolt reads a pre-buffered body from `rawBody` instead of the (already consumed) stream.
    Object.assign(req, { rawBody: body });
    this.bolt.requestListener(req, res);
  }
}
