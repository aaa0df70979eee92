import type { RespondFn, webApi } from '@slack/bolt';
import { log } from '../../../log.ts';
import type { ButtonClick } from '../payloads.ts';
import type { SlackMessage } from '../render.ts';

/**
 * Replaces the message a button was clicked on. chat.update edits the bot's own posts; messages that
 * went out through response_url (the bot was not in the channel) are replaced through it instead.
 */
export async function updateClickedMessage(
  client: webApi.WebClient,
  click: ButtonClick,
  respond: RespondFn,
  message: SlackMessage,
): Promise<void> {
  const channel = click.container?.channel_id ?? click.channel?.id;
  const ts = click.container?.message_ts ?? click.message?.ts;
  if (channel && ts) {
    try {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
      return;
    } catch (error) {
      log.info('slack: chat.update failed, replacing through response_url', { error, channel });
    }
  }
  await respond({ replace_original: true, text: message.text, blocks: message.blocks });
}
