/** Reading what the bot posted: Block Kit helpers for assertions. */

/** The text of every "> " quote line in a message's section blocks. */
export function quotedLines(blocks: unknown): string[] {
  const lines: string[] = [];
  for (const block of Array.isArray(blocks) ? blocks : []) {
    const text: unknown = block?.text?.text;
    if (typeof text !== 'string') continue;
    for (const line of text.split('\n')) if (line.startsWith('> ')) lines.push(line.slice(2));
  }
  return lines;
}

/** Undoes Slack's three mrkdwn entities. */
export function decodeMrkdwn(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Every action_id → value of the buttons in a message. */
export function buttons(blocks: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (block?.type !== 'actions') continue;
    for (const e of block.elements ?? []) out.set(String(e.action_id), String(e.value));
  }
  return out;
}
