import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { registerAppMention } from './app-mention.ts';
import { registerMessages } from './message.ts';
import { registerUninstall } from './uninstall.ts';

/** Events API listeners: mentions, DMs and thread follow-ups; the app leaving a workspace. */
export function registerEvents(app: App, deps: SlackDeps): void {
  registerAppMention(app, deps);
  registerMessages(app, deps);
  registerUninstall(app, deps);
}
