import type { SourceMeta } from './types.ts';

/**
 * What a source truly is, for answers and the viewer's header. The seed is not a transcript of what
 * Gomez said: it is a Chinese article reporting an English-language interview, so its Chinese is the
 * publisher's rendering and its English is the team's translation of that rendering.
 */
export interface SourceFraming {
  /** `write-up`: an article reporting the interview in another language; `transcript`: the words as spoken. */
  kind: 'write-up' | 'transcript';
  /** Language of the text the quotes are taken from. */
  textLanguage: string;
  /** Language the interview was held in. */
  interviewLanguage: string;
  publisher?: string;
  /** "量子位 (QbitAI), 《title》": the article's name as shown wherever the source is named. */
  articleName?: string;
}

/** The article's name: publisher and title, the title in the quotation marks of its own language. */
export function articleNameOf(meta: Pick<SourceMeta, 'sourceArticle' | 'publisher' | 'language'>): string | undefined {
  if (!meta.sourceArticle) return undefined;
  const title = meta.language.startsWith('zh') ? `《${meta.sourceArticle}》` : `“${meta.sourceArticle}”`;
  return meta.publisher ? `${meta.publisher}, ${title}` : title;
}

export function framingOf(meta: SourceMeta): SourceFraming {
  const interviewLanguage = meta.interviewLanguage ?? meta.language;
  const articleName = articleNameOf(meta);
  return {
    kind: interviewLanguage.split('-')[0] !== meta.language.split('-')[0] ? 'write-up' : 'transcript',
    textLanguage: meta.language,
    interviewLanguage,
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    ...(articleName ? { articleName } : {}),
  };
}
