import { z } from 'zod';
import { ConfigError } from '../errors.ts';

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const url = (name: string) =>
  optionalText.refine((s) => s === undefined || URL.canParse(s), { message: `${name} must be a URL` });

const positiveInt = (name: string, fallback: number) =>
  optionalText
    .refine((s) => s === undefined || /^\d+$/.test(s), { message: `${name} must be a whole number` })
    .transform((s) => (s === undefined ? fallback : Number(s)));

/** A count that must be at least 1 (0 would silently refuse everyone). */
const atLeastOne = (name: string, fallback: number) =>
  positiveInt(name, fallback).refine((n) => n >= 1, { message: `${name} must be at least 1` });

/** A PostgreSQL connection string (postgres:// or postgresql://). */
const postgresUrl = (name: string) =>
  optionalText.refine((s) => s === undefined || /^postgres(ql)?:\/\/./.test(s), {
    message: `${name} must be a postgres:// or postgresql:// connection string`,
  });

/** Every environment variable the bot reads, validated once at start-up. */
const EnvSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_API_URL: url('DISCORD_API_URL'),
  // The application's Ed25519 public key, as the Developer Portal shows it (64 hex digits).
  DISCORD_PUBLIC_KEY: optionalText.refine((s) => s === undefined || /^[0-9a-fA-F]{64}$/.test(s), {
    message: 'DISCORD_PUBLIC_KEY must be the 64 hex digits of the application public key',
  }),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: url('SLACK_API_URL'),
  // Slack OAuth (install into many workspaces): all four together; see src/adapters/slack/oauth.
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_TOKEN_ENCRYPTION_KEY: optionalText,
  PORT: positiveInt('PORT', 3000),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: url('OPENAI_BASE_URL'),
  OPENAI_MODEL: optionalText,
  OPENAI_EMBEDDINGS_MODEL: optionalText,
  OPENAI_TIMEOUT_MS: positiveInt('OPENAI_TIMEOUT_MS', 20_000),
  CORPUS_DIR: optionalText,
  DATA_DIR: optionalText,
  GUEST: optionalText,
  BOT_NAME: optionalText,
  RATE_LIMIT_PER_MINUTE: atLeastOne('RATE_LIMIT_PER_MINUTE', 10),
  DATABASE_URL: postgresUrl('DATABASE_URL'),
  DELIVERY_LEASE_SECONDS: atLeastOne('DELIVERY_LEASE_SECONDS', 30),
  PUBLIC_URL: url('PUBLIC_URL').refine((s) => s === undefined || /^https?:$/.test(new URL(s).protocol), {
    message: 'PUBLIC_URL must be an http(s) URL',
  }),
  INSIGHTS_TOKEN: optionalText.refine((s) => s === undefined || s.length >= 16, {
    message: 'INSIGHTS_TOKEN must be at least 16 characters',
  }),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'])
    .optional()
    .default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment; a malformed variable throws a ConfigError that names it. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`${name} is malformed: ${issue?.message ?? 'invalid value'}`);
  }
  return result.data;
}

/**
 * True when PORT was given explicitly: Discord-only and token-less `serve` then open the HTTP server
 * (viewer, insights, metrics); without it they open no port, as before.
 */
export function portGiven(source: NodeJS.ProcessEnv = process.env): boolean {
  return (source.PORT ?? '').trim() !== '';
}

/** Throws a ConfigError naming the first missing variable. */
export function requireVars<K extends keyof Env>(env: Env, names: K[], purpose: string): void {
  for (const name of names) {
    if (env[name] === undefined || env[name] === '') {
      throw new ConfigError(`${String(name)} is not set: it is required to ${purpose}.`);
    }
  }
}
