import type { Corpus, Passage, Source } from '../corpus/types.ts';
import type { AskOptions } from '../core.ts';
import { log } from '../log.ts';
import { nextTurnStart } from '../search/fields.ts';
import { matchesFilter, type PassageIndex } from '../search/passage-index.ts';
import { analyzeQuery, nameTerms, type AnalyzedQuery } from '../search/query.ts';
import { hasChinese } from '../text/language.ts';
import { gatherEvidence, pickQuotes, type Evidence, type FoundPassage } from './evidence.ts';
import { cleanQuestion, questionLanguage } from './input.ts';
import { personFilter, PersonResolver, type Person } from './person.ts';
import { listOf, questionSubject, shortSubject } from './phrasing.ts';
import { quoteOf } from './quote.ts';
import { ordinaryWordsIn, takeawayFrom } from './retell.ts';
import type { Templates } from './templates.ts';
import { corpusTopics, nearestTopics, type Topic } from './topics.ts';
import type { Answer, Quote } from './types.ts';
import { keepVerifiedQuotes } from './verify.ts';

/**
 * The share of a question (weighted by how rare its words are) that one passage and the question it
 * answers must cover for the answer to count as grounded. Below it the bot says the interview does not
 * cover the question. Unknown words weigh the most, so "Bitcoin" or "量子" alone sink a question.
 */
export const MIN_COVERAGE = 0.5;
/** Passages considered per question (enough for a few pages of "more quotes"). */
const CANDIDATE_PASSAGES = 12;
/** Other speakers' turns (questions, mostly) whose answers are considered. */
const ASKED_PASSAGES = 5;
const DEFAULT_LIMIT = 3;
const MAX_LIMIT = 10;
const SUGGESTIONS = 3;

export interface ExtractiveAnswererOptions {
  corpus: Corpus;
  index: PassageIndex;
  templates: Templates;
  /** Who questions are about unless they name another speaker. */
  defaultPerson: Person;
}

interface Reading {
  text: string;
  query: AnalyzedQuery;
  evidence: Evidence;
}

/**
 * Answers from the transcripts without a model: retrieves the person's passages, picks the sentences
 * that best cover the question, verifies every quote, and writes a short lead from the templates, or
 * says plainly that the interview does not cover the question and offers nearby topics.
 */
export class ExtractiveAnswerer {
  private readonly people: PersonResolver;
  private readonly sources: Map<string, Source>;
  private readonly ignore: Set<string>;
  /** Per source, the words that are not names, for retelling a quote (built on first use). */
  private readonly ordinaryWords = new Map<string, Set<string>>();
  private topicList: Topic[] | undefined;

  constructor(private readonly options: ExtractiveAnswererOptions) {
    this.people = new PersonResolver(options.corpus, options.defaultPerson);
    this.sources = new Map(options.corpus.sources.map((s) => [s.meta.id, s]));
    this.ignore = nameTerms(this.people.names());
  }

  ask(question: string, options: AskOptions = {}): Answer {
    return this.respond(question, options, 'lead');
  }

  /** The best quotes on a topic, with a one-line heading instead of a lead. */
  quotes(topic: string, options: AskOptions = {}): Answer {
    return this.respond(topic, options, 'heading');
  }

  /** Topics the corpus covers, in English, best first. */
  topics(): string[] {
    return this.allTopics().map((t) => t.label);
  }

  private allTopics(): Topic[] {
    this.topicList ??= corpusTopics(this.options.corpus, this.options.index);
    return this.topicList;
  }

  private respond(raw: string, options: AskOptions, style: 'lead' | 'heading'): Answer {
    const question = cleanQuestion(raw);
    const language = questionLanguage(question);
    const person = this.people.resolve(question);
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)));
    const base = { question, mode: 'extractive' as const, language };

    const reading = this.read(question, person);
    if (!reading) {
      const suggestions = this.suggest(new Set(), language);
      const answer = this.options.templates.render(`empty.${language}`, { person: person.name, suggestions: listOf(suggestions, language) });
      return { ...base, answered: false, answer, quotes: [], suggestions };
    }
    if (reading.evidence.coverage < MIN_COVERAGE || reading.evidence.candidates.length === 0) {
      return this.refuse(base, reading, person, language, style);
    }

    const page = pickQuotes(reading.evidence.candidates, offset + limit).slice(offset);
    const built = page.map((c) => quoteOf(c.source, c.passage, c.first, c.last));
    const { answer: checked, dropped } = keepVerifiedQuotes({ ...base, answered: true, answer: '', quotes: built }, this.options.corpus, person);
    if (dropped.length > 0) log.warn('dropped quotes that failed verification', { question, problems: dropped.map((d) => d.reason) });
    const quotes = checked.quotes;
    if (quotes.length === 0 && offset === 0) return this.refuse(base, reading, person, language, style);

    const answer = quotes.length === 0
      ? this.options.templates.render(`more.none.${language}`, {})
      : this.lead(style, language, person, this.subject(reading.text, language, style), quotes);
    return { ...base, answered: true, answer, quotes };
  }

  /**
   * The best-supported reading of the question: the whole text, or one of its sentences that asks
   * something (ends with "?"), so text around a real question, injected instructions included, cannot
   * sink it, while a statement next to a question cannot be answered in its place.
   */
  private read(question: string, person: Person): Reading | null {
    const sentences = question.split(/(?<=[??!!。;;])\s*|(?<=\.)\s+/).map((c) => c.trim()).filter((c) => c !== '');
    const asks = sentences.length > 1 ? sentences.filter((c) => /[??]$/.test(c)) : [];
    const texts = [question, ...asks];
    let best: Reading | null = null;
    for (const text of texts) {
      const query = analyzeQuery(text, this.options.index, this.ignore);
      if (query.concepts.length === 0) continue;
      const evidence = gatherEvidence(this.find(query, person), query.concepts, query.expects, text);
      if (!best || evidence.coverage > best.evidence.coverage) best = { text, query, evidence };
    }
    return best;
  }

  /**
   * The person's passages for a query, from two channels: passages matching it directly, and the
   * opening passages of the person's answers to the other speakers' turns that match it (a question
   * like the user's, asked by the host, is answered right after it).
   */
  private find(query: AnalyzedQuery, person: Person): FoundPassage[] {
    const filter = personFilter(person);
    const found = new Map<string, FoundPassage>();
    const add = (passage: Passage, relative: number) => {
      const seen = found.get(passage.id);
      if (!seen || seen.relative < relative) found.set(passage.id, { source: this.sourceOf(passage), passage, relative });
    };
    const direct = this.options.index.search(query.searchTerms, filter, CANDIDATE_PASSAGES);
    for (const hit of direct) add(hit.passage, hit.score / direct[0]!.score);
    const others = this.options.index
      .search(query.searchTerms, { roles: ['host', 'guest', 'other'] }, CANDIDATE_PASSAGES * 2)
      .filter((hit) => !matchesFilter(hit.passage, filter))
      .slice(0, ASKED_PASSAGES);
    for (const hit of others) {
      const answer = nextTurnStart(this.sourceOf(hit.passage), hit.passage.index);
      if (answer && matchesFilter(answer, filter)) add(answer, hit.score / others[0]!.score);
    }
    return [...found.values()];
  }

  private sourceOf(passage: Passage): Source {
    return this.sources.get(passage.sourceId)!;
  }

  /** What the question is about, to echo; a topic given as is (quotes on "robotics") is its own subject. */
  private subject(text: string, language: 'zh' | 'en', style: 'lead' | 'heading'): string | null {
    return questionSubject(text, language) ?? (style === 'heading' ? shortSubject(text) : null);
  }

  private lead(style: 'lead' | 'heading', language: 'zh' | 'en', person: Person, subject: string | null, quotes: Quote[]): string {
    const t = this.options.templates;
    const about = subject ? t.render(`about.${language}.topic`, { topic: subject }) : t.render(`about.${language}.none`, {});
    if (style === 'heading') return t.render(`quotes.${language}`, { person: person.name, about });
    const sourceIds = new Set(quotes.map((q) => q.source.id));
    const title = quotes[0]!.source.title;
    const source = language === 'zh' ? `《${title}》` : `“${title}”`;
    const lead = sourceIds.size > 1
      ? t.render(`lead.${language}.many`, { person: person.name, about, count: String(sourceIds.size) })
      : t.render(`lead.${language}`, { person: person.name, about, source });
    if (language !== 'en') return lead;
    const gist = this.gist(person, quotes[0]!);
    // What the source is (a write-up, a translation) is added to every answer by src/sources/framing-note.ts.
    return gist ? `${gist} ${lead}` : lead;
  }

  /**
   * The best quote retold in the third person ("Gomez says he underestimated data."): only pronouns and
   * verb agreement change, so the quote shown under it backs it word for word.
   */
  private gist(person: Person, best: Quote): string | null {
    const english = best.translation ?? (hasChinese(best.text) ? null : best.text);
    // "We" and "our" may mean Cohere, the industry or people at large: retelling them would be a guess.
    if (!english || /\b(?:we|our|ours|us|ourselves)\b/i.test(english)) return null;
    // Speech reported inside the quote ("Well, I think…") is someone else's "I": leave it alone.
    if (/["“][^"”]*\bI\b/.test(english)) return null;
    // Only the quote's own source is read: cheap on a corpus of thousands of transcripts.
    let ordinary = this.ordinaryWords.get(best.source.id);
    if (!ordinary) {
      const source = this.sources.get(best.source.id);
      ordinary = ordinaryWordsIn(source ? source.passages.flatMap((p) => p.sentences.map((s) => s.translation ?? s.text)) : []);
      this.ordinaryWords.set(best.source.id, ordinary);
    }
    const shortName = person.name.split(/\s+/).pop() ?? person.name;
    return takeawayFrom(english, shortName, ordinary);
  }

  private refuse(
    base: Pick<Answer, 'question' | 'mode' | 'language'>,
    reading: Reading,
    person: Person,
    language: 'zh' | 'en',
    style: 'lead' | 'heading',
  ): Answer {
    const terms = new Set<string>();
    for (const c of reading.query.concepts) {
      terms.add(c.term);
      for (const r of c.related) terms.add(r);
    }
    const suggestions = this.suggest(terms, language);
    const subject = this.subject(reading.text, language, style);
    const values = { person: person.name, topic: subject ?? '', suggestions: listOf(suggestions, language) };
    const answer = this.options.templates.render(subject ? `refusal.${language}` : `refusal.${language}.none`, values);
    return { ...base, answered: false, answer, quotes: [], suggestions };
  }

  /** The nearest covered topics, in the answer's language when the corpus has them in it. */
  private suggest(terms: ReadonlySet<string>, language: 'zh' | 'en'): string[] {
    const near = nearestTopics(this.allTopics(), terms, (t) => this.options.index.idf(t), SUGGESTIONS);
    return near.map((t) => (language === 'zh' && t.original ? t.original : t.label));
  }
}
