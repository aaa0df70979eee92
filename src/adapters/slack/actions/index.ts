import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { registerFeedback } from './feedback.ts';
import { registerMoreQuotes } from './more-quotes.ts';

/** The buttons under answers. */
export function registerActions(app: App, deps: SlackDeps): void {
  registerMoreQuotes(app, deps);
  registerFeedback(app, deps);
}
