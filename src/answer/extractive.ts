import type { Corpus, Passage, Source } from '../corpus/types.ts';
import type { AskOptions } from '../core.ts';
import { log } from '../log.ts';
import { followingPassage, nextTurnStart, turnPassages } from '../search/fields.ts';
import { matchesFilter, type PassageIndex } from '../search/passage-index.ts';
import { analyzeQuery, nameTerms, type AnalyzedQuery, type QueryConcept } from '../search/query.ts';
import { PassageRetriever, type PassageQuery } from '../search/retriever.ts';
import { TUNING } from '../tuning.ts';
import { QuestionReader } from './reading/read.ts';
import type { AskedClause, QuestionReading } from './reading/types.ts';
import { hasChinese } from '../text/language.ts';
import { followingSpans, gatherEvidence, pickQuotes, type Evidence, type FoundPassage } from './evidence.ts';
import { personFilter, PersonResolver, type Person } from './person.ts';
import { listOf, questionSubject, shortSubject } from './phrasing.ts';
import { quoteOf } from './quote.ts';
import { ordinaryWordsIn, takeawayFrom } from './retell.ts';
import type { Templates } from './templates.ts';
import { corpusTopics, nearestTopics, type Topic } from './topics.ts';
import type { Answer, Quote } from './types.ts';
import { keepVerifiedQuotes } from './verify.ts';

const { minCoverage: MIN_COVERAGE, candidatePassages: CANDIDATE_PASSAGES, askedPassages: ASKED_PASSAGES, answerRestShare: ANSWER_REST_SHARE } = TUNING.answer;
const { defaultLimit: DEFAULT_LIMIT, maxLimit: MAX_LIMIT, suggestions: SUGGESTIONS } = TUNING.answer;
export { MIN_COVERAGE };

export interface ExtractiveAnswererOptions {
  corpus: Corpus;
  index: PassageIndex;
  templates: Templates;
  /** Who questions are about unless they name another speaker. */
  defaultPerson: Person;
}

/** What a retrieval runs with: the question's abort signal and LangChain callbacks. */
export type RunOptions = Pick<AskOptions, 'signal' | 'callbacks'>;

/** One reading of the question searched: the clause, its analysed query and the evidence found. */
interface Searched {
  clause: AskedClause;
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
  private readonly reader: QuestionReader;
  private readonly retriever: PassageRetriever;
  private readonly sources: Map<string, Source>;
  private readonly ignore: Set<string>;
  /** Per source, the words that are not names, for retelling a quote (built on first use). */
  private readonly ordinaryWords = new Map<string, Set<string>>();
  private topicList: Topic[] | undefined;

  constructor(private readonly options: ExtractiveAnswererOptions) {
    this.people = new PersonResolver(options.corpus, options.defaultPerson);
    this.reader = new QuestionReader(options.corpus, options.index, this.people);
    this.retriever = PassageRetriever.fromIndex(options.index);
    this.sources = new Map(options.corpus.sources.map((s) => [s.meta.id, s]));
    this.ignore = nameTerms(this.people.names());
  }

  /** Reads a message (with its thread's earlier questions) once; see reading/read.ts. */
  read(question: string, history: readonly string[] = []): QuestionReading {
    return this.reader.read(question, history);
  }

  ask(question: string, options: AskOptions = {}): Promise<Answer> {
    return this.answer(this.read(question, (options.history ?? []).map((t) => t.question)), options);
  }

  /** The answer to a question already read. */
  answer(reading: QuestionReading, options: AskOptions = {}): Promise<Answer> {
    return this.respond(reading, options, 'lead');
  }

  /** The best quotes on a topic, with a one-line heading instead of a lead. */
  quotes(topic: string, options: AskOptions = {}): Promise<Answer> {
    return this.respond(this.reader.readAlone(topic), options, 'heading');
  }

  /** The clause the corpus supports best for a reading (the standalone question a model works on). */
  async standalone(reading: QuestionReading, run: RunOptions = {}): Promise<string> {
    return (await this.search(reading, run))?.clause.text ?? reading.plain;
  }

  /** Topics the corpus covers, in English, best first. */
  topics(): string[] {
    return this.allTopics().map((t) => t.label);
  }

  private allTopics(): Topic[] {
    this.topicList ??= corpusTopics(this.options.corpus, this.options.index);
    return this.topicList;
  }

  private async respond(reading: QuestionReading, options: AskOptions, style: 'lead' | 'heading'): Promise<Answer> {
    const { language, person } = reading;
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)));
    const base = { question: reading.asked, mode: 'extractive' as const, language };

    // Help, a greeting or thanks asks nothing to search: what the bot can be asked, with real topics.
    const asksNothing = reading.kind === 'help' || reading.kind === 'greeting' || reading.kind === 'thanks';
    const searched = asksNothing ? null : await this.search(reading, options);
    if (!searched) {
      const suggestions = this.suggest(new Set(), language);
      const answer = this.options.templates.render(`empty.${language}`, { person: person.name, suggestions: listOf(suggestions, language) });
      return { ...base, answered: false, answer, quotes: [], suggestions };
    }
    if (searched.evidence.candidates.length === 0 || (searched.evidence.coverage < MIN_COVERAGE && !this.coveredTopic(searched))) {
      return this.refuse(base, searched, person, language, style);
    }

    const page = pickQuotes(searched.evidence.candidates, offset + limit).slice(offset);
    const built = page.map((c) => quoteOf(c.source, c.passage, c.first, c.last));
    const { answer: checked, dropped } = keepVerifiedQuotes({ ...base, answered: true, answer: '', quotes: built }, this.options.corpus, person);
    if (dropped.length > 0) log.warn('dropped quotes that failed verification', { question: reading.asked, problems: dropped.map((d) => d.reason) });
    const quotes = checked.quotes;
    if (quotes.length === 0 && offset === 0) return this.refuse(base, searched, person, language, style);

    const answer = quotes.length === 0
      ? this.options.templates.render(`more.none.${language}`, {})
      : this.lead(style, language, person, this.subject(searched.clause, language, style), quotes);
    return { ...base, answered: true, answer, quotes };
  }

  /**
   * The reading the corpus supports best. Each clause that asks is searched (text around a real
   * question, injected instructions included, cannot sink it); a reading completed from the thread is
   * preferred when the message refers back and the corpus covers it.
   */
  private async search(reading: QuestionReading, run: RunOptions): Promise<Searched | null> {
    let best: Searched | null = null;
    const readings = reading.clauses.map((clause) => {
      const asked = clause.sequelOf ?? clause;
      return { clause, query: analyzeQuery(asked.text, this.options.index, this.ignore, asked.topic, asked.context) };
    });
    // A reading with only weak words ("what exactly did he say") is searched only when no reading names a
    // topic: "that bit about tiny models — what exactly did he say" is about the tiny models.
    const topical = readings.filter(({ query }) => topicConcepts(query).length > 0);
    for (const { clause, query } of topical.length > 0 ? topical : readings) {
      if (query.concepts.length === 0) continue;
      const evidence = clause.sequelOf
        ? await this.sequel(clause.sequelOf, query, reading.person, run)
        : gatherEvidence(await this.find(query, reading.person, clause, run), query.concepts, query.expects, clause.text);
      // LOG_LEVEL=debug shows why a reading was covered or refused: its weighted words and best turn.
      log.debug('extractive: reading searched', {
        clause: clause.text,
        topic: clause.topic,
        coverage: Number(evidence.coverage.toFixed(3)),
        concepts: query.concepts.map((c) => `${c.term}:${c.weight.toFixed(2)}`),
      });
      const searched = { clause, query, evidence };
      if (reading.refersBack && clause.from === 'history' && evidence.coverage >= MIN_COVERAGE && evidence.candidates.length > 0) return searched;
      if (!best || evidence.coverage > best.evidence.coverage) best = searched;
    }
    return best;
  }

  /**
   * Evidence for "so what did they do instead?": the thread's question is searched again, the quotes it
   * was answered with are found as then, and what the person said right after them is the answer. Its
   * coverage is the thread question's, so an uncovered thread stays refused.
   */
  private async sequel(previous: AskedClause, query: AnalyzedQuery, person: Person, run: RunOptions): Promise<Evidence> {
    const found = await this.find(query, person, previous, run);
    // The passages right after those found (the turn's next paragraph, the next turn after a short reply).
    const filter = personFilter(person);
    const known = new Set(found.map((f) => f.passage.id));
    for (const { source, passage, relative } of [...found]) {
      const next = followingPassage(source, passage.index, (p) => matchesFilter(p, filter));
      if (next && !known.has(next.id)) {
        known.add(next.id);
        found.push({ source, passage: next, relative: relative * ANSWER_REST_SHARE });
      }
    }
    const evidence = gatherEvidence(found, query.concepts, query.expects, previous.text);
    return { ...evidence, candidates: followingSpans(pickQuotes(evidence.candidates, DEFAULT_LIMIT), evidence.spans) };
  }

  /**
   * The person's passages for a query, from two channels: passages matching it directly, and the
   * opening passages of the person's answers to the other speakers' turns that match it (a question
   * like the user's, asked by the host, is answered right after it).
   */
  private async find(query: AnalyzedQuery, person: Person, clause: AskedClause, run: RunOptions): Promise<FoundPassage[]> {
    const filter = personFilter(person);
    const found = new Map<string, FoundPassage>();
    const add = (passage: Passage, relative: number) => {
      const seen = found.get(passage.id);
      if (!seen || seen.relative < relative) found.set(passage.id, { source: this.sourceOf(passage), passage, relative });
    };
    // Both channels go through the LangChain retriever, so callbacks and tracing see every retrieval;
    // the read query travels in the call's config and the text is not parsed again.
    const retrieve = async (passageQuery: PassageQuery, channel: string) =>
      this.retriever.hitsOf(
        await this.retriever.invoke(clause.text, {
          configurable: { passageQuery },
          metadata: { channel, person: person.name, topic: clause.topic, from: clause.from },
          runName: `PassageRetriever:${channel}`,
          ...(run.signal ? { signal: run.signal } : {}),
          ...(run.callbacks ? { callbacks: run.callbacks } : {}),
        }),
      );
    const [direct, asked] = await Promise.all([
      retrieve({ terms: query.searchTerms, filter, k: CANDIDATE_PASSAGES }, 'person'),
      retrieve({ terms: query.searchTerms, filter: { roles: ['host', 'guest', 'other'] }, k: CANDIDATE_PASSAGES * 2 }, 'asked'),
    ]);
    for (const hit of direct) add(hit.passage, hit.score / direct[0]!.score);
    const others = asked.filter((hit) => !matchesFilter(hit.passage, filter)).slice(0, ASKED_PASSAGES);
    for (const hit of others) {
      const source = this.sourceOf(hit.passage);
      const answer = nextTurnStart(source, hit.passage.index);
      if (!answer || !matchesFilter(answer, filter)) continue;
      const relative = hit.score / others[0]!.score;
      add(answer, relative);
      // The rest of the answer too: it often ends on what the opening only leads up to.
      for (const more of turnPassages(source, answer.index)) if (more !== answer) add(more, relative * ANSWER_REST_SHARE);
    }
    return [...found.values()];
  }

  private sourceOf(passage: Passage): Source {
    return this.sources.get(passage.sourceId)!;
  }

  /** What the question is about, to echo; a topic given as is (quotes on "robotics") is its own subject. */
  private subject(clause: AskedClause, language: 'zh' | 'en', style: 'lead' | 'heading'): string | null {
    if (clause.topic) return shortSubject(clause.topic);
    return questionSubject(clause.text, language) ?? (style === 'heading' ? shortSubject(clause.text) : null);
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
    searched: Searched,
    person: Person,
    language: 'zh' | 'en',
    style: 'lead' | 'heading',
  ): Answer {
    const terms = new Set<string>();
    for (const c of searched.query.concepts) {
      terms.add(c.term);
      for (const r of c.related) terms.add(r);
    }
    // Never "it doesn't cover X … it does cover X": a topic that is the one asked about is not offered.
    const asked = topicConcepts(searched.query);
    const suggestions = this.suggest(terms, language, (topic) => asked.length > 0 && coversAll(topic, asked));
    const subject = this.subject(searched.clause, language, style);
    const values = { person: person.name, topic: subject ?? '', suggestions: listOf(suggestions, language) };
    const answer = this.options.templates.render(subject ? `refusal.${language}` : `refusal.${language}.none`, values);
    return { ...base, answered: false, answer, quotes: [], suggestions };
  }

  /**
   * Whether one of the corpus's own topics is exactly what was asked (all its topic words): then the
   * question is covered even when no single turn repeats enough of its words.
   */
  private coveredTopic(searched: Searched): boolean {
    const asked = topicConcepts(searched.query);
    return asked.length > 0 && this.allTopics().some((topic) => coversAll(topic, asked));
  }

  /** The nearest covered topics, in the answer's language when the corpus has them in it. */
  private suggest(terms: ReadonlySet<string>, language: 'zh' | 'en', exclude: (topic: Topic) => boolean = () => false): string[] {
    const topics = this.allTopics().filter((t) => !exclude(t));
    const near = nearestTopics(topics, terms, (t) => this.options.index.idf(t), SUGGESTIONS);
    return near.map((t) => (language === 'zh' && t.original ? t.original : t.label));
  }
}

/** The concepts a question is about: not its context words, not weak words. */
function topicConcepts(query: AnalyzedQuery): QueryConcept[] {
  return query.concepts.filter((c) => c.weight > TUNING.query.weakConceptWeight);
}

/** Whether a topic's terms hold every one of the concepts (the word itself or a related one). */
function coversAll(topic: Topic, concepts: readonly QueryConcept[]): boolean {
  return concepts.every((c) => topic.terms.has(c.term) || c.related.some((r) => topic.terms.has(r)));
}
