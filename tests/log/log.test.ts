import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitError } from '../../src/errors.ts';
import { log, setLogLevel } from '../../src/log.ts';
import { redactUrl } from '../../src/logging/redact-text.ts';

let lines: string[];
let spy: { mockRestore(): void };

beforeEach(() => {
  lines = [];
  spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  setLogLevel('debug');
});

afterEach(() => {
  spy.mockRestore();
  setLogLevel('silent');
});

function logged(): Array<Record<string, any>> {
  return lines.join('').trim().split('\n').map((l) => JSON.parse(l));
}

describe('log (pino)', () => {
  it('writes circular objects and BigInt instead of throwing', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(() => log.info('odd values', { loop, big: 12345678901234567890n })).not.toThrow();
    const [line] = logged();
    expect(line).toMatchObject({ level: 'info', msg: 'odd values', big: '12345678901234567890' });
    expect(line!.loop).toEqual({ name: 'loop', self: '[Circular]' });
    expect(typeof line!.time).toBe('string');
  });

  it('keeps dedupe and message keys, which are not secrets', () => {
    log.info('dedupe', { key: 'slack:message:C1:123.456', messageKey: 'C1:123.456', dedupeKey: 'ev1' });
    expect(logged()[0]).toMatchObject({ key: 'slack:message:C1:123.456', messageKey: 'C1:123.456', dedupeKey: 'ev1' });
  });

  it('redacts authorization headers, tokens in query strings, URL userinfo and bare tokens', () => {
    log.warn('request failed', {
      request: { headers: { authorization: 'Bearer xoxb-123-456-abcdef' }, url: 'https://slack.com/api/chat.postMessage?token=xoxb-123-456-abcdef&channel=C1' },
      headers: { authorization: 'Bot MTIz.abc.def' },
      endpoint: 'https://user:sk-live-secret-key@llm.example/v1',
      token: 'xoxb-top-level-secret',
      note: 'failed with token xoxb-999-888-zzzz in the body',
    });
    const text = lines.join('');
    expect(text).not.toMatch(/xoxb-|sk-live-secret-key|MTIz\.abc/);
    const [line] = logged();
    expect(line!.request.headers.authorization).toBe('[redacted]');
    expect(line!.headers.authorization).toBe('[redacted]');
    expect(line!.request.url).toBe('https://slack.com/api/chat.postMessage?token=[redacted]&channel=C1');
    expect(line!.endpoint).toBe('https://[redacted]:[redacted]@llm.example/v1');
    expect(line!.token).toBe('[redacted]');
  });

  it('keeps Slack platform error codes and HTTP status of errors', () => {
    const error = Object.assign(new Error('An API error occurred: channel_not_found'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'channel_not_found', response_metadata: { messages: ['[ERROR] no such channel'] } },
    });
    log.error('post failed', { error, discord: Object.assign(new Error('Missing Permissions'), { code: 50013, status: 403 }) });
    const [line] = logged();
    expect(line!.error).toMatchObject({ type: 'Error', code: 'slack_webapi_platform_error', platformError: 'channel_not_found' });
    expect(line!.error.platformDetail).toEqual({ messages: ['[ERROR] no such channel'] });
    expect(line!.error.stack).toContain('Error: An API error occurred');
    expect(line!.discord).toMatchObject({ code: 50013, status: 403 });
  });

  it('logs a rate-limit refusal at info without a stack trace, even where the call site said error', () => {
    log.error('slack: answering a message failed', { error: new RateLimitError(12), user: 'U1' });
    const [line] = logged();
    expect(line).toMatchObject({ level: 'info', user: 'U1', error: { type: 'RateLimitError' } });
    expect(line!.error.stack).toBeUndefined();
  });

  it('honours the level', () => {
    setLogLevel('warn');
    log.info('quiet');
    log.warn('loud');
    expect(logged().map((l) => l.msg)).toEqual(['loud']);
  });
});

describe('redactUrl', () => {
  it('leaves a URL without credentials untouched and redacts token-like parameters', () => {
    expect(redactUrl('http://127.0.0.1:11434/v1')).toBe('http://127.0.0.1:11434/v1');
    expect(redactUrl('https://h.example/v1?api_key=abc&x=1&access-token=zz')).toBe('https://h.example/v1?api_key=[redacted]&x=1&access-token=[redacted]');
    expect(redactUrl('not a url')).toBe('not a url');
  });
});
