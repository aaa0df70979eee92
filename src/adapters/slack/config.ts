import type { Env } from '../../config/env.ts';
import { ConfigError, GomezError } from '../../errors.ts';
import { slackOAuthConfigFrom, type SlackOAuthConfig } from './oauth/config.ts';

/**
 * How the Slack app connects, derived from the environment once at start-up: one workspace over
 * Socket Mode or HTTP (SLACK_BOT_TOKEN), or many workspaces over HTTP, each with the token its OAuth
 * install stored (`oauth`).
 */
export type SlackConfig =
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string; port: number }
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl?: string; port: number }
  | { mode: 'oauth'; oauth: SlackOAuthConfig; signingSecret: string; apiUrl?: string; port: number };

/** Throws a ConfigError naming the missing or misplaced variable. */
export function slackConfigFrom(env: Env): SlackConfig {
  const oauth = slackOAuthConfigFrom(env);
  if (oauth) return oauthConfigFrom(env, oauth);
  const botToken = env.SLACK_BOT_TOKEN;
  if (!botToken) throw new ConfigError('SLACK_BOT_TOKEN is not set: it is required to run the Slack bot.');
  if (botToken.startsWith('xapp-')) {
    throw new ConfigError('SLACK_BOT_TOKEN holds an app-level token (xapp-…): use the bot token (xoxb-…); the app-level token goes in SLACK_APP_TOKEN.');
  }
  const apiUrl = env.SLACK_API_URL ? withTrailingSlash(env.SLACK_API_URL) : undefined;
  if (env.SLACK_APP_TOKEN) {
    if (!env.SLACK_APP_TOKEN.startsWith('xapp-')) {
      throw new ConfigError('SLACK_APP_TOKEN must be an app-level token (xapp-…) with the connections:write scope.');
    }
    return { mode: 'socket', botToken, appToken: env.SLACK_APP_TOKEN, apiUrl, port: env.PORT };
  }
  if (!env.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET is not set: it is required to verify Slack requests over HTTP (or set SLACK_APP_TOKEN for Socket Mode).');
  }
  return { mode: 'http', botToken, signingSecret: env.SLACK_SIGNING_SECRET, apiUrl, port: env.PORT };
}

/** Many workspaces: tokens come from the installs, so a single bot token or Socket Mode is a mistake to name. */
function oauthConfigFrom(env: Env, oauth: SlackOAuthConfig): SlackConfig {
  if (env.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN is set together with SLACK_CLIENT_ID: with the OAuth install each workspace\'s token comes from its installation; unset SLACK_BOT_TOKEN (or the SLACK_CLIENT_* variables for one workspace).');
  }
  if (env.SLACK_APP_TOKEN) {
    throw new ConfigError('SLACK_APP_TOKEN is set together with SLACK_CLIENT_ID: the OAuth install into many workspaces runs over HTTP only; unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET.');
  }
  if (!env.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET is not set: it is required to verify Slack requests when installing into many workspaces (SLACK_CLIENT_ID).');
  }
  const apiUrl = env.SLACK_API_URL ? withTrailingSlash(env.SLACK_API_URL) : undefined;
  return { mode: 'oauth', oauth, signingSecret: env.SLACK_SIGNING_SECRET, apiUrl, port: env.PORT };
}

/** Web API error codes that mean the token itself is bad (not a network or Slack outage). */
const REJECTED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/** Turns a failed auth.test / apps.connections.open into an error naming the variable to fix. */
export function tokenCheckError(error: unknown, variable: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN'): GomezError {
  const code = platformErrorCode(error);
  if (code && REJECTED_TOKEN.has(code)) return new ConfigError(`${variable} was rejected by Slack (${code}).`);
  const detail = error instanceof Error ? error.message : String(error);
  return new GomezError(`Could not verify ${variable} with Slack: ${detail}`, `Could not reach Slack to verify ${variable}.`, { cause: error });
}

/** The `error` code of a Web API platform error (`{ ok: false, error: "invalid_auth" }`), if that is what it is. */
export function platformErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('error' in data)) return undefined;
  return typeof data.error === 'string' ? data.error : undefined;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
