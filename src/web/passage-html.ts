import { deepLink, formatTimecode } from '../corpus/timecode.ts';
import type { Passage, Sentence, Source } from '../corpus/types.ts';
import { escapeHtml, safeHref } from './html.ts';
import { quoteAnchor, sentenceAnchor } from './links.ts';

/** A highlighted span of the source text: [start, end) offsets, as in a quote link. */
export interface Span {
  start: number;
  end: number;
}

const ROLE_LABEL: Record<string, string> = { host: 'host', guest: 'guest', other: 'speaker' };

/**
 * A link that plays the media from a sentence's time. It holds no text node (the label is drawn by CSS
 * and named by aria-label), so a highlighted quote's text stays exactly the quote.
 */
function timeLink(mediaUrl: string, seconds: number): string {
  const href = safeHref(deepLink(mediaUrl, seconds));
  if (!href) return '';
  const time = formatTimecode(seconds);
  return `<a class="time" href="${href}" data-time="${time}" aria-label="Play from ${time}"></a>`;
}

function sentenceAt(passage: Passage, offset: number): Sentence | undefined {
  return passage.sentences.find((s) => s.start <= offset && offset < s.end);
}

/**
 * The passage's original text, cut at sentence and highlight boundaries: each sentence a span with its
 * stable anchor, the highlighted quote one <mark> whose text is exactly the quote, everything escaped.
 */
function originalHtml(source: Source, passage: Passage, highlight: Span | null): string {
  const cuts = new Set([passage.start, passage.end]);
  for (const s of passage.sentences) cuts.add(s.start).add(s.end);
  if (highlight) {
    for (const at of [highlight.start, highlight.end]) if (at > passage.start && at < passage.end) cuts.add(at);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  let inMark = false;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const sentence = sentenceAt(passage, a);
    const time = sentence && a === sentence.start ? (sentence.time ?? (sentence === passage.sentences[0] ? passage.time : undefined)) : undefined;
    if (time !== undefined && !inMark) out += timeLink(source.meta.url, time);
    const marked = highlight !== null && a >= highlight.start && b <= highlight.end;
    if (marked && !inMark) {
      // The id goes where the quote starts, so the link's fragment names the element holding the quote.
      const id = a === highlight.start ? ` id="${quoteAnchor(highlight.start, highlight.end)}"` : '';
      out += `<mark class="quote"${id} tabindex="-1">`;
      inMark = true;
    } else if (!marked && inMark) {
      out += '</mark>';
      inMark = false;
    }
    if (time !== undefined && inMark) out += timeLink(source.meta.url, time);
    const text = escapeHtml(source.text.slice(a, b));
    if (sentence) {
      const id = a === sentence.start ? ` id="${sentenceAnchor(sentence.start)}"` : '';
      out += `<span class="s"${id}>${text}</span>`;
    } else {
      out += text;
    }
  }
  if (inMark) out += '</mark>';
  return out;
}

/** The team's translation of the passage, sentence by sentence; the quote's sentences highlighted. */
function englishHtml(passage: Passage, highlight: Span | null): string {
  return passage.sentences
    .filter((s) => s.translation !== undefined)
    .map((s) => {
      const lit = highlight !== null && s.start < highlight.end && s.end > highlight.start;
      return `<span class="t${lit ? ' hl' : ''}" data-sentence="${sentenceAnchor(s.start)}">${escapeHtml(s.translation!)}</span>`;
    })
    .join(' ');
}

export interface PassageView {
  source: Source;
  passage: Passage;
  /** The speaker's name is shown where a turn starts. */
  startsTurn: boolean;
  highlight: Span | null;
  /** This is the host's question the highlighted quote answers. */
  asked: boolean;
}

/** One passage as a row: the original beside its translation, its role always visible. */
export function passageHtml(view: PassageView): string {
  const { source, passage, highlight } = view;
  const lang = escapeHtml(source.meta.language);
  const original = originalHtml(source, passage, highlight);
  const english = englishHtml(passage, highlight);
  const englishCell = english ? `<p class="english" lang="en">${english}</p>` : '<p class="english" aria-hidden="true"></p>';
  const id = `p${passage.index}`;
  if (passage.role === 'heading') {
    return `<section class="row heading" id="${id}" aria-label="Editors' heading"><p class="kind">Editors' heading (not speech)</p><h2 class="original" lang="${lang}">${original}</h2>${english ? `<h2 class="english" lang="en">${english}</h2>` : ''}</section>`;
  }
  if (passage.role === 'narration') {
    return `<div class="row narration" id="${id}"><p class="kind">Article narration (not speech)</p><p class="original" lang="${lang}">${original}</p>${englishCell}</div>`;
  }
  const who = view.startsTurn && passage.speaker
    ? `<p class="who">${escapeHtml(passage.speaker)} <span class="role">(${ROLE_LABEL[passage.role] ?? 'speaker'})</span></p>`
    : '';
  const asked = view.asked ? '<p class="kind">The question the highlighted quote answers</p>' : '';
  return `<div class="row ${passage.role}${view.asked ? ' asked' : ''}" id="${id}" data-role="${passage.role}">${asked}${who}<p class="original" lang="${lang}">${original}</p>${englishCell}</div>`;
}
