import { feedback } from './feedback.ts';
import { moreQuotes } from './more-quotes.ts';
import type { ButtonHandler } from './types.ts';

/** Button handlers by the name in their custom id (`gomez:<name>:…`). */
export const BUTTONS: ReadonlyMap<string, ButtonHandler> = new Map(
  [moreQuotes, feedback].map((b): [string, ButtonHandler] => [b.name, b]),
);
