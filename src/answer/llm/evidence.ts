import type { Corpus, Passage } from '../../corpus/types.ts';
import { TUNING } from '../../tuning.ts';
import type { ModelBudget } from '../../llm/budget.ts';
import { textLanguage } from '../../text/language.ts';
import { log } from '../../log.ts';
import type { DenseRetriever } from '../../search/dense.ts';
import { reciprocalRankFusion } from '../../search/fusion.ts';

/** Turns by the person given to the model; each comes with the host question before it. */
const MAX_PERSON_PASSAGES = TUNING.model.maxPersonPassages;

export interface EvidenceDeps {
  corpus: Corpus;
  /** Lexical search (the core's retriever), best first. */
  lexical(query: string): Promise<Passage[]>;
  dense: DenseRetriever | null;
  /** Renders the question in another language; null if that failed. */
  translate: ((question: string, language: string, budget: ModelBudget) => Promise<string | null>) | null;
  isPersonPassage(passage: Passage): boolean;
}

function corpusLanguages(corpus: Corpus): string[] {
  return [...new Set(corpus.sources.map((s) => s.meta.language.toLowerCase().split('-')[0] ?? 'en'))];
}

/** Resolves to null instead of outliving the question's model budget. */
function withinBudget<T>(work: Promise<T>, budget: ModelBudget): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), budget.remainingMs());
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function denseRanking(dense: DenseRetriever, question: string, budget: ModelBudget): Promise<Passage[]> {
  try {
    const hits = await withinBudget(dense.rank(question), budget);
    if (hits === null) log.warn('dense retrieval skipped: no answer within the model timeout');
    return hits?.map((h) => h.passage) ?? [];
  } catch (error) {
    log.warn('dense retrieval failed; lexical results only', { detail: error instanceof Error ? error.message : String(error) });
    return [];
  }
}

/** The host turn a passage answers, when it directly precedes the passage's turn. */
function askedBefore(corpus: Corpus, passage: Passage): Passage | null {
  const source = corpus.sources.find((s) => s.meta.id === passage.sourceId);
  if (!source) return null;
  for (let i = passage.index - 1; i >= 0; i--) {
    const before = source.passages[i];
    if (!before || before.role === 'heading' || before.role === 'narration') return null;
    if (before.turn === passage.turn) continue;
    return before.role === 'host' ? before : null;
  }
  return null;
}

/**
 * The passages the model answers from: the extractive answer's evidence first, then lexical results
 * for the question and for its renderings in the corpus languages (an English question is also
 * searched in Chinese), and dense results when embeddings are configured, merged by reciprocal-rank
 * fusion. Each turn by the person comes with the host question it answers, for context.
 */
export async function gatherEvidence(deps: EvidenceDeps, question: string, budget: ModelBudget, seed: Passage[]): Promise<Passage[]> {
  const asked = textLanguage(question);
  const targets = deps.translate ? corpusLanguages(deps.corpus).filter((l) => l !== asked) : [];
  const [translations, denseList] = await Promise.all([
    Promise.all(targets.map((language) => deps.translate!(question, language, budget))),
    deps.dense && budget.usable ? denseRanking(deps.dense, question, budget) : Promise.resolve([]),
  ]);
  const queries = [question, ...translations.filter((t): t is string => t !== null)];
  const lexicalLists = await Promise.all(queries.map((q) => deps.lexical(q)));
  const fused = reciprocalRankFusion([seed, ...lexicalLists, denseList], (p) => p.id);

  const out: Passage[] = [];
  const added = new Set<string>();
  for (const { item: passage } of fused) {
    if (out.filter((p) => deps.isPersonPassage(p)).length >= MAX_PERSON_PASSAGES) break;
    if (!deps.isPersonPassage(passage) || added.has(passage.id)) continue;
    const host = askedBefore(deps.corpus, passage);
    if (host && !added.has(host.id)) {
      out.push(host);
      added.add(host.id);
    }
    out.push(passage);
    added.add(passage.id);
  }
  log.debug('model evidence', { queries: queries.length, dense: denseList.length, passages: out.length });
  return out;
}
