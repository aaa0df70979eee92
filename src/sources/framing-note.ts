import type { Answer } from '../answer/types.ts';
import type { Templates } from '../answer/templates.ts';
import { languageName } from '../answer/phrasing.ts';
import { framingOf } from '../corpus/framing.ts';
import type { SourceMeta } from '../corpus/types.ts';
import { ownEntry } from '../own-entry.ts';

const CHINESE_LANGUAGE_NAMES: Record<string, string> = { zh: '中文', en: '英文', ja: '日文', fr: '法文', de: '德文', es: '西班牙文' };

function languageIn(code: string, answerLanguage: 'en' | 'zh'): string {
  const base = code.split('-')[0]!.toLowerCase();
  return answerLanguage === 'zh' ? (ownEntry(CHINESE_LANGUAGE_NAMES, base) ?? code) : languageName(code);
}

/**
 * The sentence that says what the quoted sources are, in the answer's language: for a write-up, whose
 * article reports which interview and that the English is the team's translation of the article; for a
 * transcript in another language, that the English is the team's translation. Null when nothing needs
 * saying (an English transcript quoted in an English answer).
 */
export function framingNote(answer: Answer, sources: ReadonlyMap<string, SourceMeta>, templates: Templates): string | null {
  const language = answer.language === 'zh' ? 'zh' : 'en';
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const quote of answer.quotes) {
    const meta = sources.get(quote.source.id);
    if (!meta || seen.has(meta.id)) continue;
    seen.add(meta.id);
    const framing = framingOf(meta);
    const values = {
      article: framing.articleName ?? meta.title,
      textLanguage: languageIn(framing.textLanguage, language),
      interviewLanguage: languageIn(framing.interviewLanguage, language),
      person: quote.speaker,
    };
    if (framing.kind === 'write-up') {
      notes.push(templates.render(`framing.${language}.write-up`, values));
    } else if (language === 'en' && quote.translation !== undefined) {
      notes.push(templates.render('framing.en.translated', values));
    }
  }
  const unique = [...new Set(notes)];
  return unique.length > 0 ? unique.join(language === 'zh' ? '' : ' ') : null;
}
