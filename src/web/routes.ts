import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Corpus } from '../corpus/types.ts';
import { InputError } from '../errors.ts';
import { log } from '../log.ts';
import type { StateStore } from '../store/state.ts';
import { respondHealthz } from './healthz.ts';
import { page } from './html.ts';
import { insightsAccess } from './insights-auth.ts';
import { gatherInsights, periodFrom } from './insights-data.ts';
import { insightsPage } from './insights-page.ts';
import { parseQuoteSpan, VIEWER_ROOT } from './links.ts';
import { METRICS_CONTENT_TYPE, metricsText } from './metrics.ts';
import { HTML, JSON_TYPE, respond, TEXT } from './respond.ts';
import { VIEWER_CSS } from './viewer-css.ts';
import { sourcesIndexPage, viewerPage } from './viewer-page.ts';

export interface WebDeps {
  corpus: Corpus;
  /**
   * The bot's state store: insights read it and /healthz asks it. Without it, insights are unavailable
   * and /healthz is always ok.
   */
  store?: StateStore;
  /** INSIGHTS_TOKEN: unset, the insights page does not exist. */
  insightsToken?: string;
  /** Whether the bot is fit to serve (e.g. its Discord gateway is connected): /healthz says 503 when not. */
  healthy?: () => boolean;
  /** Handlers other parts of the bot serve on this server, by exact path (Discord's POST /discord/interactions). */
  mounts?: ReadonlyMap<string, WebHandler>;
}

/** The path container platforms and the Docker HEALTHCHECK probe. */
export const HEALTH_PATH = '/healthz';

export type WebHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function notFound(res: ServerResponse): void {
  respond(res, 404, HTML, page({ title: 'Not found', root: '/', header: '<h1>Not found</h1>', main: '<p>There is nothing here. <a href="/transcripts/">All transcripts</a></p>' }));
}

const PERIODS = [
  { label: 'Last 7 days', days: '7' },
  { label: 'Last 30 days', days: '30' },
  { label: 'Last 90 days', days: '90' },
];

async function insights(req: IncomingMessage, res: ServerResponse, url: URL, deps: WebDeps, asJson: boolean): Promise<void> {
  const access = insightsAccess(req, url, deps.insightsToken);
  if (access === 'disabled' || !deps.store) return notFound(res);
  if (access === 'denied') {
    return respond(res, 401, TEXT, 'Insights need the INSIGHTS_TOKEN: send it as "Authorization: Bearer <token>" or ?token=<token>.\n', {
      'www-authenticate': 'Bearer realm="insights"',
      'cache-control': 'no-store',
    });
  }
  let period;
  try {
    period = periodFrom({ days: url.searchParams.get('days') ?? undefined, since: url.searchParams.get('since') ?? undefined, until: url.searchParams.get('until') ?? undefined });
  } catch (error) {
    if (error instanceof InputError) return respond(res, 400, TEXT, `${error.userMessage}\n`, { 'cache-control': 'no-store' });
    throw error;
  }
  const data = await gatherInsights(deps.store, period);
  if (asJson) return respond(res, 200, JSON_TYPE, JSON.stringify(data), { 'cache-control': 'no-store' });
  // A token that came in the address has to stay in the period links, or they would be refused.
  const token = url.searchParams.get('token');
  const links = PERIODS.map((p) => {
    const q = new URLSearchParams({ days: p.days, ...(token ? { token } : {}) });
    return { label: p.label, href: `insights?${q.toString()}` };
  });
  respond(res, 200, HTML, insightsPage(data, links), { 'cache-control': 'no-store' });
}

async function route(req: IncomingMessage, res: ServerResponse, deps: WebDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const mounted = deps.mounts?.get(path);
  if (mounted) return mounted(req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') return respond(res, 405, TEXT, 'method not allowed\n', { allow: 'GET, HEAD' });
  if (path === HEALTH_PATH) {
    // Unfit to serve (a Discord gateway that is gone) is 503 whatever the store says.
    if (deps.healthy && !deps.healthy()) return respond(res, 503, 'text/plain', 'unavailable');
    return respondHealthz(req, res, deps.store);
  }
  if (path === '/metrics') return respond(res, 200, METRICS_CONTENT_TYPE, await metricsText());
  if (path === '/web/viewer.css') return respond(res, 200, 'text/css; charset=utf-8', VIEWER_CSS, { 'cache-control': 'public, max-age=3600' });
  if (path === '/insights' || path === '/insights.json') return insights(req, res, url, deps, path.endsWith('.json'));
  if (path === '/transcripts') return respond(res, 301, TEXT, '', { location: VIEWER_ROOT });
  if (path === VIEWER_ROOT) return respond(res, 200, HTML, sourcesIndexPage(deps.corpus.sources));
  if (path.startsWith(VIEWER_ROOT)) {
    let id: string;
    try {
      id = decodeURIComponent(path.slice(VIEWER_ROOT.length));
    } catch {
      return notFound(res);
    }
    const source = deps.corpus.sources.find((s) => s.meta.id === id);
    if (!source) return notFound(res);
    return respond(res, 200, HTML, viewerPage(source, parseQuoteSpan(url.searchParams.get('q'))));
  }
  notFound(res);
}

/**
 * The bot's web surface: the transcript viewer, curator insights, /metrics and /healthz. Mounted on the
 * Slack receiver in HTTP mode, else on its own small server (web-server.ts). A failure is a plain 500 and
 * a log line; it never takes the server down.
 */
export function createWebHandler(deps: WebDeps): WebHandler {
  return async (req, res) => {
    try {
      await route(req, res, deps);
    } catch (error) {
      log.error('web: request failed', { path: req.url?.split('?')[0], error });
      if (!res.headersSent) respond(res, 500, TEXT, 'Something went wrong on our side.\n');
      else res.end();
    }
  };
}
