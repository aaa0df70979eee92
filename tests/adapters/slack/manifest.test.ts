import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../../src/adapters/slack/oauth/scopes.ts';
import { REDIRECT_PATH } from '../../../src/adapters/slack/receiver.ts';

const manifest = readFileSync('docs/slack-app-manifest.yaml', 'utf8');

/** The items of a YAML block list under `key:` (indented "- item" lines, comments dropped). */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  expect(start).toBeGreaterThanOrEqual(0);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^\s*-\s+([^#\s]+)/.exec(line);
    if (!m) break;
    items.push(m[1]!);
  }
  return items;
}

describe('docs/slack-app-manifest.yaml', () => {
  it('grants the scopes the adapter uses', () => {
    expect(listUnder('bot')).toEqual(
      expect.arrayContaining(['app_mentions:read', 'assistant:write', 'reactions:write', 'chat:write', 'commands', 'im:history', 'im:read', 'channels:history', 'groups:history', 'users:read']),
    );
  });
  it('asks for exactly the scopes an OAuth install requests', () => {
    expect(listUnder('bot').sort()).toEqual([...BOT_SCOPES].sort());
  });
  it('subscribes to the events the adapter handles, uninstall included', () => {
    expect(listUnder('bot_events').sort()).toEqual([
      'app_mention',
      'app_uninstalled',
      'assistant_thread_context_changed',
      'assistant_thread_started',
      'message.channels',
      'message.groups',
      'message.im',
      'tokens_revoked',
    ]);
  });
  it('names the OAuth redirect URL the install flow serves', () => {
    expect(listUnder('redirect_urls')).toEqual([`https://YOUR-HOST${REDIRECT_PATH}`]);
    // Slack's manifest schema: redirect_urls is a list of URLs under oauth_config, beside the scopes.
    expect(manifest).toMatch(/\noauth_config:\n {2}redirect_urls:\n {4}- https:\/\/\S+\n {2}scopes:\n {4}bot:\n/);
  });
  it('enables the assistant view', () => {
    expect(manifest).toMatch(/assistant_view:\n\s+assistant_description: .+/);
  });
  it('declares /gomez and interactivity on the /slack/events endpoint', () => {
    expect(manifest).toMatch(/- command: \/gomez\n\s+url: https:\/\/YOUR-HOST\/slack\/events/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true\n\s+request_url: https:\/\/YOUR-HOST\/slack\/events/);
    expect(manifest).toMatch(/event_subscriptions:\n\s+request_url: https:\/\/YOUR-HOST\/slack\/events/);
  });
});
