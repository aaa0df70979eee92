import type { Corpus } from '../../corpus/types.ts';
import { englishTerm, englishVariants } from '../../search/english.ts';
import type { PassageIndex } from '../../search/passage-index.ts';
import { contentTerms } from '../../search/query.ts';
import { tokenizeQuery } from '../../search/tokenize.ts';
import { textLanguage } from '../../text/language.ts';
import { TUNING } from '../../tuning.ts';
import { cleanQuestion } from '../input.ts';
import type { PersonResolver } from '../person.ts';
import { readClauses, type Clause } from './clauses.ts';
import { asksSequel, continueThread } from './follow-up.ts';
import { messageKind, recapRequest, summaryRequest } from './kind.ts';
import { stripChatMarkup } from './markup.ts';
import { SpellingCorrector } from './spelling.ts';
import type { AskedClause, QuestionReading } from './types.ts';

/** Words that point back at what was said before ("is that sustainable?", "what did they do instead?"). */
const REFERS_BACK_EN = /\b(?:he|him|his|she|her|it|its|that|this|these|those|they|them|their|there|then|instead|also|too|else|such|same|why|how come)\b/i;
const REFERS_BACK_ZH = /他|她|它|这|那|其|此|为什么|为啥|呢[?？]?$/u;

/**
 * Reads a message once into a QuestionReading: markup and chat framing removed, the asking clauses
 * and their topics found, misspellings corrected against the corpus, the person resolved, and, with
 * the thread's earlier questions, what the message takes from them.
 */
export class QuestionReader {
  private readonly spelling: SpellingCorrector;

  constructor(
    corpus: Corpus,
    private readonly index: PassageIndex,
    private readonly people: PersonResolver,
  ) {
    this.spelling = new SpellingCorrector(corpus);
  }

  /** Reads `text`; `history` holds the earlier questions of the same thread (oldest first). */
  read(text: string, history: readonly string[] = []): QuestionReading {
    const alone = this.readAlone(text);
    let previous: QuestionReading | null = null;
    for (const earlier of history.slice(-TUNING.reading.maxHistoryQuestions)) {
      let reading: QuestionReading;
      try {
        reading = this.readAlone(earlier);
      } catch {
        continue; // an empty or oversized earlier message gives nothing to carry over
      }
      if (reading.kind !== 'question' && reading.kind !== 'chatter') continue;
      previous = previous ? continueThread(reading, previous, this.people.defaultPerson) : reading;
    }
    return previous ? continueThread(alone, previous, this.people.defaultPerson) : alone;
  }

  /** A message read without its thread. Throws InputError when it is empty or too long. */
  readAlone(text: string): QuestionReading {
    const asked = cleanQuestion(text);
    const plain = stripChatMarkup(asked);
    const clauses = readClauses(plain, { isName: (w) => this.people.isName(w), names: this.people.names() });
    // A short clause trailing a fuller question ("…right? context?", "…? thoughts?") only asks for more of it.
    const asks = clauses.filter((c) => c.asks);
    const fullest = Math.max(0, ...asks.map((c) => wordCount(c.text)));
    const full = fullest > TUNING.reading.maxAppendageWords ? asks.filter((c) => wordCount(c.text) > TUNING.reading.maxAppendageWords) : asks;
    // A clause that says what it is about ("…about synthetic data") is the question; a clause that only
    // has a question word in it ("not sure who to ask") is framing around it.
    const topical = full.filter((c) => c.topic !== null && tokenizeQuery(c.topic).length > 0);
    const asking = topical.length > 0 ? topical : full;
    const kind = messageKind(plain, asking.length > 0);
    // Clauses that ask are the question; with none, every clause that is not a greeting or thanks is.
    const chosen = asking.length > 0 ? asking : clauses.filter((c) => messageKind(c.text, false) === 'chatter');
    const corrections: Array<{ from: string; to: string }> = [];
    const fix = (s: string) => this.correctSpelling(s, corrections);
    const summary = kind === 'summary' ? (summaryRequest(chosen[0]?.text ?? plain) ?? summaryRequest(plain) ?? null) : undefined;
    // "summarize robotics" asks about robotics: the topic is what is searched.
    const requested = summary ? [{ text: summary, topic: summary, asks: true }] : chosen;
    const read: AskedClause[] = withTopicLead(clauses, requested).map((c: Clause) => ({ text: fix(c.text), topic: c.topic === null ? null : fix(c.topic), from: 'message' }));
    const match = this.people.match(plain || asked);
    const main = read[0]?.text ?? plain;
    return {
      asked,
      plain,
      kind,
      language: textLanguage(plain || asked),
      person: match.person,
      named: match.named,
      clauses: read.length > 0 ? read : plain ? [{ text: plain, topic: null, from: 'message' }] : [],
      refersBack: (textLanguage(main) === 'zh' ? REFERS_BACK_ZH : REFERS_BACK_EN).test(main) || asksSequel(plain),
      ...(summary !== undefined ? { summaryTopic: summary } : {}),
      ...(kind === 'recap' && recapRequest(plain) ? { recapDays: recapRequest(plain) } : {}),
      corrections,
    };
  }

  /**
   * Each English word of five letters or more that the corpus never uses, and that is not written as a
   * name, replaced by the corpus word it most likely misspells.
   */
  private correctSpelling(text: string, corrections: Array<{ from: string; to: string }>): string {
    return text.replace(/\p{L}+/gu, (word, offset: number) => {
      if (word.length < TUNING.spelling.minLength || !/^[A-Za-z]+$/.test(word)) return word;
      const lower = word.toLowerCase();
      if (this.people.isName(lower) || this.known(lower)) return word;
      // A capital inside a sentence marks a name ("Hinotn"): corrected only by one edit or a swap.
      const fixed = this.spelling.correct(lower, /^[A-Z]/.test(word) && offset > 0);
      if (!fixed) return word;
      if (!corrections.some((c) => c.from === word)) corrections.push({ from: word, to: fixed });
      return fixed;
    });
  }

  private known(word: string): boolean {
    const term = englishTerm(word);
    if (term === null) return true;
    if (this.index.documentFrequency(term) > 0 || this.spelling.knows(word)) return true;
    return englishVariants(word).some((v) => this.index.documentFrequency(v) > 0) || tokenizeQuery(word).length === 0;
  }
}

/** Words that stand for a topic named elsewhere ("would he buy from one?", "那个他怎么看?"). */
const POINTS_ELSEWHERE_EN = /\b(?:one|ones|it|its|them|that|this|those|these|they|their|there)\b/i;
const POINTS_ELSEWHERE_ZH = /它|这|那|其|此/u;

/**
 * Topic first, question after ("sales bots — would gomez buy from one?", "数据隐私:他怎么看?"): when the
 * first question names no topic of its own and points elsewhere (or has no content word at all), the short
 * clause right before it that asks nothing is its topic. The question read with that topic comes first;
 * the question as written stays as a second reading, so the answerer keeps whichever the corpus supports
 * better.
 */
function withTopicLead(all: readonly Clause[], requested: readonly Clause[]): Clause[] {
  const question = requested[0];
  if (!question) return [...requested];
  const at = all.indexOf(question);
  const lead = at > 0 ? all[at - 1]! : undefined;
  if (!lead || lead.asks || messageKind(lead.text, false) !== 'chatter') return [...requested];
  if (wordCount(lead.text) > TUNING.reading.maxTopicLeadWords || tokenizeQuery(lead.text).length === 0) return [...requested];
  const ownTopic = question.topic !== null && tokenizeQuery(question.topic).length > 0;
  const chinese = textLanguage(question.text) === 'zh';
  const pointsElsewhere = (chinese ? POINTS_ELSEWHERE_ZH : POINTS_ELSEWHERE_EN).test(question.text) || contentTerms(question.text).length === 0;
  if (ownTopic || !pointsElsewhere) return [...requested];
  const topic = lead.text.replace(/[\s:：,，;；.。!！]+$/u, '');
  const joined = chinese ? `${topic}:${question.text}` : `${topic}: ${question.text}`;
  return [{ text: joined, topic: null, asks: true }, ...requested];
}

function wordCount(text: string): number {
  return textLanguage(text) === 'zh' ? Math.ceil(text.length / 2) : text.split(/\s+/).filter(Boolean).length;
}
