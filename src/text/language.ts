/**
 * The one check for "is this Chinese text?", used wherever the core picks a language: questions,
 * quotes, names, follow-ups and model prompts.
 */
const HAN = /\p{Script=Han}/u;

/** True when the text contains Chinese (Han) characters. */
export function hasChinese(text: string): boolean {
  return HAN.test(text);
}

/** "zh" when the text contains Chinese characters, else "en": all the corpus languages need. */
export function textLanguage(text: string): 'zh' | 'en' {
  return hasChinese(text) ? 'zh' : 'en';
}
