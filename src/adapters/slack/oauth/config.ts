import type { Env } from '../../../config/env.ts';
import { ConfigError } from '../../../errors.ts';
import { parseEncryptionKey, TokenCipher } from '../../../store/token-cipher.ts';

/** What the OAuth install flow needs, read once at start-up. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  cipher: TokenCipher;
}

const NAMES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/**
 * Many-workspace mode is on when SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set
 * (undefined when none is). Part of them, or a missing or malformed SLACK_TOKEN_ENCRYPTION_KEY, is a
 * ConfigError naming the variable: tokens are never stored unencrypted.
 */
export function slackOAuthConfigFrom(env: Env): SlackOAuthConfig | undefined {
  const set = NAMES.filter((name) => env[name] !== undefined);
  if (set.length === 0) return undefined;
  const missing = NAMES.find((name) => env[name] === undefined);
  if (missing) throw new ConfigError(`${missing} is not set: Slack OAuth install needs ${NAMES.join(', ')} together (${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set).`);
  if (env.SLACK_STATE_SECRET!.length < 16) throw new ConfigError('SLACK_STATE_SECRET is malformed: use at least 16 random characters.');
  if (env.SLACK_TOKEN_ENCRYPTION_KEY === undefined) {
    throw new ConfigError('SLACK_TOKEN_ENCRYPTION_KEY is not set: Slack OAuth stores every workspace\'s tokens encrypted with it (make one with `openssl rand -base64 32`).');
  }
  return {
    clientId: env.SLACK_CLIENT_ID!,
    clientSecret: env.SLACK_CLIENT_SECRET!,
    stateSecret: env.SLACK_STATE_SECRET!,
    cipher: new TokenCipher(parseEncryptionKey(env.SLACK_TOKEN_ENCRYPTION_KEY, 'SLACK_TOKEN_ENCRYPTION_KEY')),
  };
}
