import type { RecordedCall } from '../../fakes/discord/server.ts';

/** Matchers and readers for the calls the fake Discord recorded: no bot, no state. */
export const isCallback = (interaction: { id: string }) => (c: RecordedCall) =>
  c.method === 'POST' && c.path.startsWith(`/interactions/${interaction.id}/`);

export const isOriginalEdit = (interaction: { token: string }) => (c: RecordedCall) =>
  c.method === 'PATCH' && c.path.endsWith(`/${interaction.token}/messages/@original`);

export const isFollowUp = (interaction: { token: string }) => (c: RecordedCall) =>
  c.method === 'POST' && c.path.endsWith(`/${interaction.token}`);

/** A recorded JSON body as a plain record (the fake stores whatever arrived). */
export function bodyOf(call: RecordedCall): Record<string, any> {
  if (typeof call.body !== 'object' || call.body === null) throw new Error(`call ${call.method} ${call.path} had no JSON body`);
  return call.body as Record<string, any>;
}

/** The block-quoted lines of an embed description, markdown escapes removed: what a reader sees quoted. */
export function quotedTexts(description: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of description.split('\n')) {
    if (line.startsWith('> ') && !line.startsWith('> *Translation:*')) current.push(line.slice(2));
    else if (current.length) {
      blocks.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length) blocks.push(current.join('\n'));
  return blocks.map((b) => b.replace(/\\([^\w\s]|_)/g, '$1'));
}
