import type { Templates } from '../answer/templates.ts';
import type { Answer, Quote } from '../answer/types.ts';
import { wrapCore, type GomezCore } from '../core.ts';
import { articleNameOf } from '../corpus/framing.ts';
import type { Source, SourceMeta } from '../corpus/types.ts';
import { quoteLink } from '../web/links.ts';
import { framingNote } from './framing-note.ts';
import { quoteSpan } from './quote-span.ts';

export interface SourceDetailsOptions {
  templates: Templates;
  /** PUBLIC_URL: when set, every quote links into the transcript viewer there. */
  publicUrl?: string;
}

/**
 * The one place quotes get what lets a reader check them: the source article's name, the viewer link
 * (with PUBLIC_URL) and, on answers, the sentence saying what the source truly is. Wraps the whole
 * core, so model and extractive answers, paging and summaries all get the same.
 */
export function withSourceDetails(core: GomezCore, options: SourceDetailsOptions): GomezCore {
  const sources = new Map<string, Source>(core.corpus.sources.map((s) => [s.meta.id, s]));
  const metas = new Map<string, SourceMeta>(core.corpus.sources.map((s) => [s.meta.id, s.meta]));

  const detailed = (quote: Quote): Quote => {
    const source = sources.get(quote.source.id);
    if (!source) return quote;
    const article = articleNameOf(source.meta);
    const span = options.publicUrl ? quoteSpan(source, quote) : null;
    const link = span && options.publicUrl ? quoteLink(options.publicUrl, source.meta.id, span.start, span.end) : undefined;
    return { ...quote, source: { ...quote.source, ...(article ? { article } : {}), ...(link ? { link } : {}) } };
  };

  const framed = (answer: Answer, offset: number | undefined): Answer => {
    const quotes = answer.quotes.map(detailed);
    // A later page ("More quotes") comes under an answer that already said it.
    const note = answer.answered && quotes.length > 0 && !offset ? framingNote(answer, metas, options.templates) : null;
    return { ...answer, quotes, ...(note ? { answer: `${answer.answer}${answer.language === 'zh' ? '' : ' '}${note}` } : {}) };
  };

  return wrapCore(core, {
    ask: async (question, askOptions) => framed(await core.ask(question, askOptions), askOptions?.offset),
    quotes: async (topic, askOptions) => framed(await core.quotes(topic, askOptions), askOptions?.offset),
    summarize: async (summaryOptions) => {
      const summary = await core.summarize(summaryOptions);
      return { ...summary, themes: summary.themes.map((t) => ({ ...t, quotes: t.quotes.map(detailed) })) };
    },
  });
}
