/**
 * Button custom ids: `gomez:<handler>:<arg>…`. Everything a button needs survives in the id (and the
 * store), never in memory, so buttons keep working after a restart. Discord caps an id at 100 chars.
 */
const PREFIX = 'gomez';
const MAX_LENGTH = 100;

export function customId(handler: string, ...args: string[]): string {
  const id = [PREFIX, handler, ...args].join(':');
  if (id.length > MAX_LENGTH) throw new Error(`custom id too long: ${id}`);
  return id;
}

/** Splits a custom id into its handler name and arguments; null for ids this bot did not make. */
export function parseCustomId(id: string): { handler: string; args: string[] } | null {
  const [prefix, handler, ...args] = id.split(':');
  if (prefix !== PREFIX || !handler || args.some((a) => a === '')) return null;
  return { handler, args };
}
