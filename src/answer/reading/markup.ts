/**
 * Platform markup left in a message is not part of what was asked: mentions, channel links, custom
 * emoji, :shortcodes:, Markdown emphasis and quoting. This turns a chat message into the plain words
 * a person would read aloud, keeping the text of labelled links ("<https://x|the notes>" -> "the notes").
 */

// Slack: <@U123>, <@U123|name>, <!here>, <!channel>, <!subteam^S1|@team>, <#C123|general>.
const SLACK_MENTION = /<[@!#][^<>\s]*>/g;
// Slack labelled link <https://…|label>, bare link <https://…>.
const SLACK_LINK = /<(?:https?|mailto):[^<>|\s]*(?:\|([^<>]*))?>/g;
// Discord: <@123>, <@!123>, <@&123>, <#123>, <:name:123>, <a:name:123>, <t:1700000000:R>, </cmd:123>.
const DISCORD_TOKEN = /<(?:@[!&]?\d+|#\d+|a?:[\w~]+:\d+|t:\d+(?::[tTdDfFR])?|\/[\w -]+:\d+)>/g;
// Bare URLs carry no topic words a person meant to ask about.
const BARE_URL = /\bhttps?:\/\/\S+/g;
// Markdown links [label](url) keep their label.
const MARKDOWN_LINK = /\[([^\]]*)\]\((?:[^()\s]+)\)/g;
// :thinking_face:, :+1:, :skin-tone-2: (emoji shortcodes, never content).
const SHORTCODE = /(^|[\s(])(:[a-z0-9_+'-]{1,40}:)+(?=$|[\s).,!?])/gi;
// Pictographic emoji with their modifiers and joiners.
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{200D}\u{20E3}]+/gu;
// Broadcast pings typed as text: @everyone, @here, @channel, @所有人, @全体成员.
const BROADCAST = /(^|\s)@(?:everyone|here|channel|all|所有人|全体成员)(?=$|[\s,.:;!?，。：；！？])/giu;
// A leading "@Name" addressed to someone (the bot, a colleague): a vocative, not a topic.
const LEADING_HANDLE = /^(?:\s*@[\p{L}\p{N}_.-]+[,:]?)+/u;
// Markdown emphasis, strike-through, inline code and spoilers: keep the words, drop the marks.
const EMPHASIS = /(\*{1,3}|_{2,3}|~~|\|\||`{1,3})(?=\S)([\s\S]*?\S)\1/g;
// Block quote and heading markers at line starts.
const LINE_MARKS = /^\s*(?:>{1,3}|#{1,6}(?=\s)|[-*•]\s(?=\S))\s*/gm;

/** The message as plain words: markup removed, labels kept, white space collapsed. */
export function stripChatMarkup(text: string): string {
  return text
    .replace(SLACK_LINK, (_m, label: string | undefined) => (label ? ` ${label} ` : ' '))
    .replace(SLACK_MENTION, ' ')
    .replace(DISCORD_TOKEN, ' ')
    .replace(MARKDOWN_LINK, (_m, label: string) => ` ${label} `)
    .replace(BARE_URL, ' ')
    .replace(LINE_MARKS, '')
    .replace(EMPHASIS, '$2')
    .replace(/[*_~`]{2,}/g, ' ')
    .replace(SHORTCODE, '$1 ')
    .replace(EMOJI, ' ')
    .replace(BROADCAST, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LEADING_HANDLE, '')
    .trim();
}
