/**
 * The bot scopes an OAuth install asks each workspace for: the same list as the manifest's
 * `oauth_config.scopes.bot` (docs/slack-app-manifest.yaml; a test keeps the two equal), and why.
 */
export const BOT_SCOPES = [
  'assistant:write', // the assistant view: suggested prompts, status, thread titles
  'reactions:write', // a reaction on thanks
  'app_mentions:read', // @Verbatim in channels
  'channels:history', // follow-ups in threads of public channels
  'groups:history', // follow-ups in threads of private channels
  'im:history', // DMs to the bot
  'im:read',
  'chat:write', // post answers
  'chat:write.public', // /gomez answers in public channels the bot has not joined
  'commands', // /gomez
  'users:read', // who is a workspace admin (digest subscriptions)
] as const;
