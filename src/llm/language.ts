const LANGUAGE_NAMES: Record<string, string> = { en: 'English', zh: 'Chinese (Simplified)' };
const HAN = /\p{Script=Han}/u;

/** How a language code is named in prompts ("zh" → "Chinese (Simplified)"). */
export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}

/** "zh" when the text contains Chinese characters, else "en": all the corpus languages need. */
export function textLanguage(text: string): string {
  return HAN.test(text) ? 'zh' : 'en';
}

export function hasChinese(text: string): boolean {
  return HAN.test(text);
}
