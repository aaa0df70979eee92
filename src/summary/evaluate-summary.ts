import type { Summary } from '../answer/types.ts';
import { verifyQuote } from '../answer/verify.ts';
import type { Corpus, Source } from '../corpus/types.ts';
import { InputError } from '../errors.ts';
import { overlaps } from '../eval/overlap.ts';
import type { KeyPoint } from './key-points.ts';
import { createSummarizer, shortName } from './summarizer.ts';
import { isFragment } from './takeaway.ts';
import { isKeywordPair } from './titles.ts';

/** Scores of one source's digest against its key points. */
export interface SourceScore {
  source: string;
  themes: number;
  keyPoints: number;
  covered: string[];
  missed: string[];
  /** Themes none of whose quotes makes a key point (what a reader would call filler). */
  offPoint: string[];
  /** Takeaways that do not stand alone (isFragment). */
  fragments: string[];
  /** Titles that are two keywords joined by "and". */
  keywordTitles: string[];
  /** Quotes that are not verbatim or not the guest's (must be none). */
  badQuotes: number;
}

export interface SummaryEvalReport {
  sources: SourceScore[];
  keyPoints: number;
  covered: number;
  coverage: number;
  themes: number;
  offPointThemes: number;
  fragmentTakeaways: number;
  keywordTitles: number;
  badQuotes: number;
}

/** The corpus cut down to one source: the digest of one transcript, as a channel would get it. */
function corpusOf(corpus: Corpus, source: Source): Corpus {
  return { ...corpus, sources: [source], passages: source.passages };
}

const sourceOf = (corpus: Corpus, id: string) =>
  corpus.sources.find((s) => s.meta.id === id || s.path.replace(/\.[^.]+$/, '') === id);

export function scoreDigest(summary: Summary, points: KeyPoint[], guestShortName: string, isVerbatim: (q: Summary['themes'][number]['quotes'][number]) => boolean): Omit<SourceScore, 'source'> {
  const makes = (text: string, p: KeyPoint) => p.gold_any.some((g) => overlaps(text, g));
  const quotes = summary.themes.flatMap((t) => t.quotes);
  const covered = points.filter((p) => quotes.some((q) => makes(q.text, p))).map((p) => p.id);
  return {
    themes: summary.themes.length,
    keyPoints: points.length,
    covered,
    missed: points.map((p) => p.id).filter((id) => !covered.includes(id)),
    offPoint: summary.themes.filter((t) => !t.quotes.some((q) => points.some((p) => makes(q.text, p)))).map((t) => t.title),
    fragments: summary.themes.map((t) => t.takeaway).filter((t) => isFragment(t, guestShortName)),
    keywordTitles: summary.themes.map((t) => t.title).filter(isKeywordPair),
    badQuotes: quotes.filter((q) => !isVerbatim(q)).length,
  };
}

/**
 * Summarises each source named in the key points on its own (extractive, no model) and scores the
 * digest: key points covered, themes that make no key point, fragment takeaways, keyword titles.
 */
export async function evaluateSummaries(corpus: Corpus, points: KeyPoint[]): Promise<SummaryEvalReport> {
  const bySource = new Map<string, KeyPoint[]>();
  for (const p of points) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p]);
  const sources: SourceScore[] = [];
  for (const [id, own] of bySource) {
    const source = sourceOf(corpus, id);
    if (!source) throw new InputError(`The key points name source "${id}", which is not in the corpus (${corpus.dir}).`);
    const sub = corpusOf(corpus, source);
    const guestName = source.meta.guest ?? 'the guest';
    const person = { name: guestName, speaker: null };
    const summarize = createSummarizer({
      corpus: sub,
      guestName,
      quotesOn: (topic) => ({ question: topic, answered: false, answer: '', quotes: [], mode: 'extractive' }),
      verify: (q) => verifyQuote(q, sub, person).ok,
    });
    const summary = await summarize({});
    sources.push({ source: id, ...scoreDigest(summary, own, shortName(guestName), (q) => verifyQuote(q, sub, person).ok) });
  }
  const sum = (f: (s: SourceScore) => number) => sources.reduce((n, s) => n + f(s), 0);
  const keyPoints = sum((s) => s.keyPoints);
  const covered = sum((s) => s.covered.length);
  return {
    sources,
    keyPoints,
    covered,
    coverage: keyPoints === 0 ? 0 : covered / keyPoints,
    themes: sum((s) => s.themes),
    offPointThemes: sum((s) => s.offPoint.length),
    fragmentTakeaways: sum((s) => s.fragments.length),
    keywordTitles: sum((s) => s.keywordTitles.length),
    badQuotes: sum((s) => s.badQuotes),
  };
}

export function formatSummaryEval(report: SummaryEvalReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `key points covered: ${report.covered}/${report.keyPoints} (${pct(report.coverage)})`,
    `themes without a key point: ${report.offPointThemes}/${report.themes}`,
    `fragment takeaways: ${report.fragmentTakeaways}`,
    `keyword-pair titles: ${report.keywordTitles}`,
    `non-verbatim or misattributed quotes: ${report.badQuotes}`,
  ];
  for (const s of report.sources) {
    lines.push('', `${s.source}: ${s.covered.length}/${s.keyPoints} key points, ${s.themes} themes`);
    if (s.missed.length) lines.push(`  missed: ${s.missed.join(', ')}`);
    if (s.offPoint.length) lines.push(`  themes without a key point: ${s.offPoint.join(' | ')}`);
    for (const f of s.fragments) lines.push(`  fragment: ${f}`);
    for (const t of s.keywordTitles) lines.push(`  keyword title: ${t}`);
  }
  return lines.join('\n');
}
