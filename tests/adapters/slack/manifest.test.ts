import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { BOT_SCOPES } from '../../../src/adapters/slack/oauth/scopes.ts';
import { REDIRECT_PATH } from '../../../src/adapters/slack/receiver.ts';

const manifest = readFileSync('docs/slack-app-manifest.yaml', 'utf8');

/**
 * The rules of Slack's app manifest schema (slackapi/manifest-schema, manifest.schema.1.0.0.json) for the
 * sections this manifest uses, written out with zod: unknown keys are refused (the schema's
 * additionalProperties: false), lengths, counts, uniqueness and URL patterns as the schema sets them.
 */
const httpUrl = (max: number) => z.string().regex(/^https?:\/\//).max(max);
const unique = <T extends z.ZodType<string>>(item: T, max: number) =>
  z.array(item).max(max).refine((items) => new Set(items).size === items.length, 'items must be unique');
const SlackManifest = z.strictObject({
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140).optional(),
    long_description: z.string().min(175).max(4000).optional(),
    background_color: z.string().regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/).optional(),
  }),
  features: z
    .strictObject({
      app_home: z.strictObject({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean(), messages_tab_read_only_enabled: z.boolean() }).partial().optional(),
      bot_user: z.strictObject({ display_name: z.string().min(1).max(80), always_online: z.boolean().optional() }).optional(),
      assistant_view: z.strictObject({ assistant_description: z.string(), suggested_prompts: z.array(z.strictObject({ title: z.string(), message: z.string() })).optional() }).optional(),
      slash_commands: z
        .array(
          z.strictObject({
            command: z.string().min(2).max(32).regex(/^\//),
            url: httpUrl(3000).optional(),
            description: z.string().min(1).max(2000),
            usage_hint: z.string().min(1).max(1000).optional(),
            should_escape: z.boolean().optional(),
          }),
        )
        .min(1)
        .max(50)
        .optional(),
    })
    .optional(),
  oauth_config: z
    .strictObject({
      redirect_urls: unique(z.string().max(2500), 1000).optional(),
      scopes: z.strictObject({ bot: z.array(z.string().max(50)).max(255).optional(), user: z.array(z.string().max(50)).max(255).optional() }).optional(),
      token_management_enabled: z.boolean().optional(),
      pkce_enabled: z.boolean().optional(),
    })
    .optional(),
  settings: z
    .strictObject({
      event_subscriptions: z
        .strictObject({ request_url: httpUrl(3500).optional(), bot_events: unique(z.string().max(50), 100).optional(), user_events: unique(z.string().max(50), 100).optional() })
        .optional(),
      interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: httpUrl(3500).optional(), message_menu_options_url: httpUrl(3500).optional() }).optional(),
      org_deploy_enabled: z.boolean().optional(),
      socket_mode_enabled: z.boolean().optional(),
      token_rotation_enabled: z.boolean().optional(),
    })
    .optional(),
});

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
  it("is valid by the rules of Slack's manifest schema", () => {
    const parsed = SlackManifest.safeParse(parse(manifest));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
  it('would be refused with a key Slack does not know, or a repeated redirect URL (the check can fail)', () => {
    const doc = parse(manifest) as { oauth_config: Record<string, unknown> };
    expect(SlackManifest.safeParse({ ...doc, oauth_config: { ...doc.oauth_config, redirect_url: 'https://x' } }).success).toBe(false);
    expect(SlackManifest.safeParse({ ...doc, oauth_config: { ...doc.oauth_config, redirect_urls: ['https://x', 'https://x'] } }).success).toBe(false);
  });
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
