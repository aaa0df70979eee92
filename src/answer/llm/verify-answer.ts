import type { Passage, Sentence } from '../../corpus/types.ts';
import type { Quote } from '../types.ts';
import { checkClaim } from './claim-check.ts';
import type { PassageContext } from './context.ts';
import { locateQuote, type QuoteMatch } from './locate.ts';
import type { ModelAnswer } from './schema.ts';
import { speaksInFirstPerson } from './voice.ts';

/** What verification needs from the core: attribution, quote building and the final verbatim check. */
export interface QuoteTools {
  /** True when the passage is the words of the person asked about (e.g. a guest turn by Gomez). */
  isPersonPassage(passage: Passage): boolean;
  /** A Quote of these consecutive sentences of the passage, with translation and source. */
  buildQuote(passage: Passage, sentences: Sentence[]): Quote;
  /** The core's verification (src/answer/verify.ts): exact substring, said by the person. */
  verify(quote: Quote): boolean;
}

/** Why something the model wrote was not kept; counted in the log. */
export type Rejection =
  | 'unknown-passage'
  | 'not-the-person'
  | 'invented-quote'
  | 'failed-verification'
  | 'duplicate-quote'
  | 'no-citation'
  | 'first-person'
  | 'unsupported-claim';

export interface VerifiedAnswer {
  sentences: string[];
  quotes: Quote[];
  /** How each kept quote was found (exact copy, normalised copy, replaced by its closest sentence). */
  matches: QuoteMatch[];
  rejections: Rejection[];
}

/** Answers are short: the quotes carry the detail. */
const MAX_SENTENCES = 4;

/** Citation markers a model sometimes leaves in its prose ("(P2)", "[P1, P3]"): readers never see passage ids. */
const CITATION_MARKER = /\s*[[(（【]\s*P\d+(?:\s*[,，、;]\s*P\d+)*\s*[\])）】]/gi;

/** Passage by short id ("P3"), tolerating "p3", "[P3]" and the passage's real id. */
function lookup(context: PassageContext, id: string): Passage | undefined {
  const key = id.trim().replace(/^\[|\]$/g, '').toUpperCase();
  return context.byId.get(key) ?? [...context.byId.values()].find((p) => p.id === id.trim());
}

/**
 * Keeps only what the passages back up: quotes resolved to verbatim sentences of a passage by the
 * person asked about (else dropped), and answer sentences that cite a passage one of those quotes
 * comes from and do not speak as the guest. The caller falls back when nothing is left.
 */
export function verifyModelAnswer(answer: ModelAnswer, context: PassageContext, tools: QuoteTools, limit: number): VerifiedAnswer {
  const rejections: Rejection[] = [];
  const quotes: Quote[] = [];
  const matches: QuoteMatch[] = [];
  const quotedPassages = new Set<string>();
  const seen = new Set<string>();

  for (const proposed of answer.quotes) {
    if (quotes.length >= limit) break;
    const passage = lookup(context, proposed.passage_id);
    if (!passage) {
      rejections.push('unknown-passage');
      continue;
    }
    // Host questions, narration and headings are never the person's words, however well they match.
    if (!tools.isPersonPassage(passage)) {
      rejections.push('not-the-person');
      continue;
    }
    const located = locateQuote(passage, proposed.text);
    if (!located) {
      rejections.push('invented-quote');
      continue;
    }
    const quote = tools.buildQuote(passage, located.sentences);
    if (!tools.verify(quote)) {
      rejections.push('failed-verification');
      continue;
    }
    const key = `${passage.id}:${located.sentences[0]!.start}`;
    if (seen.has(key)) {
      rejections.push('duplicate-quote');
      continue;
    }
    seen.add(key);
    quotes.push(quote);
    matches.push(located.match);
    quotedPassages.add(passage.id);
  }

  const sentences: string[] = [];
  let considered = 0;
  let unsupportedClaims = 0;
  for (const sentence of answer.sentences) {
    if (sentences.length >= MAX_SENTENCES) break;
    const text = sentence.text.replace(CITATION_MARKER, '').trim();
    if (!text) continue;
    const cited = sentence.passage_ids.map((id) => lookup(context, id)).filter((p): p is Passage => p !== undefined);
    // A sentence must rest on a quote the reader can see, or it may claim what the quotes don't show.
    if (!cited.some((p) => quotedPassages.has(p.id))) {
      rejections.push('no-citation');
      continue;
    }
    if (speaksInFirstPerson(text)) {
      rejections.push('first-person');
      continue;
    }
    // Every claim, link and figure must come from the cited passages (claim-check.ts).
    considered++;
    if (!checkClaim(text, cited, cited.map((p) => p.speaker ?? '')).ok) {
      unsupportedClaims++;
      rejections.push('unsupported-claim');
      continue;
    }
    sentences.push(text);
  }
  // A reply that is half invention is not trusted for the rest either: the caller answers extractively.
  if (unsupportedClaims > 0 && unsupportedClaims * 2 >= considered) sentences.length = 0;

  return { sentences, quotes, matches, rejections };
}
