import { languageName } from '../answer/phrasing.ts';
import { framingOf } from '../corpus/framing.ts';
import type { Source } from '../corpus/types.ts';
import { escapeHtml, page, safeHref } from './html.ts';
import { passageHtml, type Span } from './passage-html.ts';

/**
 * What the source is, in plain words, for the top of its page: for the seed, an article by 量子位
 * reporting the English-language 20VC interview, quoted in its Chinese, with the team's translation.
 */
export function framingText(source: Source): string {
  const { meta } = source;
  const framing = framingOf(meta);
  const guest = meta.guest ?? 'the guest';
  const text = languageName(framing.textLanguage);
  if (framing.kind === 'write-up') {
    const by = framing.publisher ? `an article by ${framing.publisher}` : 'an article';
    return (
      `This is ${by} reporting the ${languageName(framing.interviewLanguage)}-language interview, not a transcript of it. ` +
      `The left column is the article's ${text}, quoted as published; the right column is the team's English translation ` +
      `of that ${text}, not ${guest}'s own words. Editors' headings and the article's narration are marked: they are nobody's speech.`
    );
  }
  if (!framing.textLanguage.startsWith('en')) {
    return `A transcript of the interview in ${text}, with the team's English translation beside it (a translation, not ${guest}'s own words).`;
  }
  return 'A transcript of the interview.';
}

function header(source: Source): string {
  const { meta } = source;
  const framing = framingOf(meta);
  const facts: string[] = [];
  if (framing.articleName) facts.push(`<dt>Source article</dt><dd lang="${escapeHtml(meta.language)}">${escapeHtml(framing.articleName)}</dd>`);
  const article = safeHref(meta.sourceUrl);
  if (article) facts.push(`<dt>Article</dt><dd><a href="${article}">${article}</a></dd>`);
  const media = safeHref(meta.url);
  if (media) facts.push(`<dt>Interview</dt><dd><a href="${media}">${escapeHtml(meta.title)}</a></dd>`);
  if (meta.host) facts.push(`<dt>Host</dt><dd>${escapeHtml(meta.host)}</dd>`);
  if (meta.guest) facts.push(`<dt>Guest</dt><dd>${escapeHtml(meta.guest)}</dd>`);
  if (meta.date) facts.push(`<dt>Date</dt><dd>${escapeHtml(meta.date)}</dd>`);
  return [
    '<p class="site">Transcript viewer</p>',
    `<h1>${escapeHtml(meta.title)}</h1>`,
    `<p class="framing">${escapeHtml(framingText(source))}</p>`,
    `<dl class="facts">${facts.join('')}</dl>`,
  ].join('\n');
}

/** The host's (or other speaker's) passage the highlighted quote answers: the nearest non-guest turn before it. */
function askedIndex(source: Source, highlight: Span | null): number | null {
  if (!highlight) return null;
  const at = source.passages.findIndex((p) => p.start <= highlight.start && highlight.start < p.end);
  if (at < 0) return null;
  const quoted = source.passages[at]!;
  for (let i = at - 1; i >= 0; i--) {
    const p = source.passages[i]!;
    if (p.role === 'host' || (p.role === 'other' && p.speaker !== quoted.speaker)) return i;
    if (p.role === 'guest' && p.turn !== quoted.turn) return null;
  }
  return null;
}

/** A highlight is shown only when it lies inside one passage of the text (a link is never trusted blindly). */
export function validHighlight(source: Source, span: Span | null): Span | null {
  if (!span || span.end > source.text.length) return null;
  return source.passages.some((p) => p.start <= span.start && span.end <= p.end) ? span : null;
}

/**
 * The whole transcript in reading order: speakers, roles, the original beside the team's translation,
 * a stable anchor per sentence, time links where the source has timestamps, and the linked quote
 * highlighted with the question it answers marked.
 */
export function viewerPage(source: Source, requested: Span | null): string {
  const highlight = validHighlight(source, requested);
  const asked = askedIndex(source, highlight);
  const rows = source.passages.map((passage, i) =>
    passageHtml({
      source,
      passage,
      startsTurn: i === 0 || passage.turn !== source.passages[i - 1]!.turn || passage.speaker !== source.passages[i - 1]!.speaker,
      highlight: highlight && passage.start <= highlight.start && highlight.end <= passage.end ? highlight : null,
      asked: asked === i,
    }),
  );
  const textLanguage = languageName(source.meta.language);
  const columns = source.meta.language.startsWith('en')
    ? ''
    : `<div class="columns" aria-hidden="true"><span>Original (${escapeHtml(textLanguage)})</span><span>Team's English translation</span></div>`;
  const main = `<article aria-label="Transcript">${columns}\n${rows.join('\n')}\n</article>`;
  const footer = '<p>Quotes the bot shows are exact slices of this text. <a href="../transcripts/">All transcripts</a></p>';
  return page({ title: `${source.meta.title} · transcript`, root: '../', header: header(source), main, footer });
}

/** The list of every source, for /transcripts/. */
export function sourcesIndexPage(sources: readonly Source[]): string {
  const items = sources
    .map((s) => `<li><a href="${encodeURIComponent(s.meta.id)}">${escapeHtml(s.meta.title)}</a></li>`)
    .join('\n');
  return page({ title: 'Transcripts', root: '../', header: '<p class="site">Transcript viewer</p><h1>Transcripts</h1>', main: `<ul>${items}</ul>` });
}
