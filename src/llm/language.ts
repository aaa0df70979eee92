import { ownEntry } from '../own-entry.ts';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', zh: 'Chinese (Simplified)' };

/** How a language code is named in prompts ("zh" → "Chinese (Simplified)"). */
export function languageName(code: string): string {
  return ownEntry(LANGUAGE_NAMES, code) ?? code;
}
