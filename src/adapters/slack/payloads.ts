import { z } from 'zod';

/**
 * The parts of Slack payloads the handlers rely on, parsed once here. Bolt's own types describe what
 * Slack should send; these schemas check what actually arrived.
 */

/** An `app_mention` event. */
export const MentionEvent = z.object({
  type: z.literal('app_mention'),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().default(''),
  ts: z.string(),
  thread_ts: z.string().optional(),
  channel: z.string(),
});
export type MentionEvent = z.infer<typeof MentionEvent>;

/** A `message` event (channels, private channels, DMs). */
export const MessageEvent = z.object({
  type: z.literal('message'),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().default(''),
  ts: z.string(),
  thread_ts: z.string().optional(),
  channel: z.string(),
  channel_type: z.string().optional(),
});
export type MessageEvent = z.infer<typeof MessageEvent>;

/** A slash command invocation. */
export const SlashCommand = z.object({
  command: z.string(),
  text: z.string().default(''),
  user_id: z.string(),
  user_name: z.string().optional(),
  channel_id: z.string(),
  response_url: z.string(),
  trigger_id: z.string().optional(),
  team_id: z.string().optional(),
});
export type SlashCommand = z.infer<typeof SlashCommand>;

/** A button click under one of our messages (`block_actions`). */
export const ButtonClick = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string() }),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ channel_id: z.string().optional(), message_ts: z.string().optional() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  response_url: z.string().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});
export type ButtonClick = z.infer<typeof ButtonClick>;

/** Keys that identify one delivery: Events API `event_id`, or a command/click's `trigger_id`. */
export const DeliveryIds = z.object({ event_id: z.string().optional(), trigger_id: z.string().optional() });
