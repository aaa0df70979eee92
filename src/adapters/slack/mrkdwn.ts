/**
 * Slack's mrkdwn in both directions: incoming message text to the plain question the core gets, and any
 * text going out (user echoes, answers, corpus quotes) to mrkdwn that can never ping anyone.
 */

const WORD_JOINER = '\u2060';

/**
 * Escapes text for a mrkdwn field. Escaping &, < and > turns `<!channel>`, `<!here>`, `<!subteam^…>` and
 * `<@U…>` into inert text; the word joiner defuses bare @channel/@here/@everyone in case a client or a
 * future `link_names` setting would linkify them.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`);
}

/** A link whose label is escaped and whose URL cannot break out of the `<url|label>` syntax. */
export function mrkdwnLink(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMrkdwn(label);
  const safeUrl = url.replace(/[<>|\s]/g, (c) => encodeURIComponent(c));
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '¦');
  return `<${safeUrl}|${safeLabel}>`;
}

/**
 * Turns the text of a Slack message into the plain question for the core: the bot's own mention is
 * dropped, other mentions and links become their readable labels, entities are decoded.
 */
export function messageToPlainText(text: string, botUserId?: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) =>
      id === botUserId ? ' ' : `@${label || 'someone'}`,
    )
    .replace(/<#[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label?: string) => `#${label || 'channel'}`)
    .replace(/<!([a-z]+)(?:\^[^|>]*)?(?:\|([^>]*))?>/g, (_m, word: string, label?: string) => label || `@${word}`)
    .replace(/<([^<>|]+)\|([^<>]+)>/g, (_m, _url: string, label: string) => label)
    .replace(/<([^<>]+)>/g, (_m, url: string) => url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the message text mentions the given user (`<@U…>`). */
export function mentionsUser(text: string, userId: string | undefined): boolean {
  return userId !== undefined && new RegExp(`<@${userId}(?:\\|[^>]*)?>`).test(text);
}

/** True when the message text mentions any user other than `exceptUserId`. */
export function mentionsOtherUser(text: string, exceptUserId: string | undefined): boolean {
  for (const m of text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)) {
    if (m[1] !== exceptUserId) return true;
  }
  return false;
}
