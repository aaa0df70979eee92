/**
 * Checks on a raw Slack HTTP request before Bolt parses it. Bolt checks signatures and stale
 * timestamps but accepts timestamps from the future, and crashes (taking the process with it) on a
 * correctly signed body that is valid JSON but not an object (`null`, `[]`, `"x"`). These checks turn
 * both into plain 4xx answers.
 */
import { parse as parseForm } from 'node:querystring';
import { verifySlackRequest } from '@slack/bolt';

/** Slack's documented replay window, applied in both directions. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type GuardVerdict = { ok: true } | { ok: false; status: 400 | 401; reason: string };

export interface RawSlackRequest {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function header(request: RawSlackRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? undefined : value;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsesToObject(text: string): boolean {
  try {
    return isPlainObject(JSON.parse(text));
  } catch {
    return false;
  }
}

/** Slack's unsigned `ssl_check=1` probe, which Bolt answers itself. */
function isSslCheck(request: RawSlackRequest): boolean {
  return (header(request, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded') && parseForm(request.body).ssl_check === '1';
}

/** The request's timestamp is within the replay window of `nowMs`, in the past or the future. */
export function timestampFresh(timestampHeader: string | undefined, nowMs: number): boolean {
  if (timestampHeader === undefined || !/^\d+$/.test(timestampHeader.trim())) return false;
  return Math.abs(Math.floor(nowMs / 1000) - Number(timestampHeader)) <= MAX_CLOCK_SKEW_SECONDS;
}

/** The body is something Bolt can route: a JSON object, or a form whose `payload` (if any) is one. */
export function bodyShapeOk(request: RawSlackRequest): boolean {
  const type = (header(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return parsesToObject(request.body);
  if (type === 'application/x-www-form-urlencoded') {
    const payload = parseForm(request.body).payload;
    if (payload === undefined) return true;
    return typeof payload === 'string' && parsesToObject(payload);
  }
  return false;
}

/** Signature and replay window (401), then body shape (400). */
export function guardSlackRequest(request: RawSlackRequest, signingSecret: string, nowMs: number = Date.now()): GuardVerdict {
  if (isSslCheck(request)) return { ok: true };
  const timestamp = header(request, 'x-slack-request-timestamp');
  if (!timestampFresh(timestamp, nowMs)) return { ok: false, status: 401, reason: 'timestamp outside the 5-minute window' };
  try {
    verifySlackRequest({
      signingSecret,
      body: request.body,
      headers: { 'x-slack-signature': header(request, 'x-slack-signature') ?? '', 'x-slack-request-timestamp': Number(timestamp) },
      nowMilliseconds: nowMs,
    });
  } catch {
    return { ok: false, status: 401, reason: 'bad signature' };
  }
  if (!bodyShapeOk(request)) return { ok: false, status: 400, reason: 'body is not a JSON object or form Slack sends' };
  return { ok: true };
}
