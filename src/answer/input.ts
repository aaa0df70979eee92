import { InputError } from '../errors.ts';
import { TUNING } from '../tuning.ts';
import { textLanguage } from '../text/language.ts';

/** Longer questions are refused rather than cut: a cut question may ask something the user did not. */
export const MAX_QUESTION_CHARS = TUNING.reading.maxQuestionChars;

// C0/C1 control characters and the Unicode bidi/format controls that could disguise text in a reply.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * A question as typed by a user, made safe to search and to echo: control characters removed, white
 * space collapsed. Throws InputError (shown to the user as is) when nothing is left or it is too long.
 */
export function cleanQuestion(raw: string): string {
  const text = raw.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  if (text === '') {
    throw new InputError('Please ask a question, for example: "What did Aidan Gomez say about synthetic data?"');
  }
  if (text.length > MAX_QUESTION_CHARS) {
    throw new InputError(
      `That question is ${text.length.toLocaleString('en-US')} characters long; please keep it under ${MAX_QUESTION_CHARS.toLocaleString('en-US')} and ask about one thing at a time.`,
    );
  }
  return text;
}

/** "zh" when the question contains Chinese characters, else "en". */
export function questionLanguage(question: string): 'zh' | 'en' {
  return textLanguage(question);
}
