/**
 * (a) Retrieval quality and latency on the seed corpus: our core (PassageRetriever + extractive answerer)
 * against LangChain's stock BM25Retriever over 500-character chunks of the same transcript.
 */
import { existsSync, readdirSync } from 'node:fs';
import { BM25Retriever } from '@langchain/community/retrievers/bm25';
import { Document } from '@langchain/core/documents';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { readEnv } from '../src/config/env.ts';
import { createCore } from '../src/create-core.ts';
import { loadEvalSet, type EvalItem } from '../src/eval/dataset.ts';
import { evaluateItems } from '../src/eval/evaluate.ts';
import { overlaps } from '../src/eval/overlap.ts';
import { askInThread } from '../src/answer/thread.ts';
import { AfternoonBaseline } from './afternoon.ts';
import { median, percentile, timedAsync } from './stats.ts';

export interface SeedRow {
  set: string;
  questions: number;
  answerable: number;
  oursHitAt3: number;
  bm25HitAt3: number;
  /** The afternoon baseline (bench/afternoon.ts), without and with the corpus's search terms. */
  afternoonHitAt3: number;
  afternoonTermsHitAt3: number;
  oursAnswerMedianMs: number;
  oursAnswerP95Ms: number;
  bm25MedianMs: number;
  bm25P95Ms: number;
  refusalAccuracy: number;
  nonVerbatim: number;
  misattributed: number;
}

export interface SeedResult {
  rows: SeedRow[];
  chunks: number;
  coreStartMs: number;
}

/**
 * The eval sets to score: the public dev sets when ../shared is there, the frozen set (never tuned on),
 * the tuning set, and the held-out sets in tests/eval.
 */
export function evalSets(root: string): Array<{ name: string; items: EvalItem[] }> {
  const heldout = existsSync(`${root}/tests/eval`)
    ? readdirSync(`${root}/tests/eval`).filter((n) => /^heldout.*\.jsonl$/.test(n)).sort()
    : [];
  const candidates = [
    ...['dev', 'dev-chat', 'dev-natural', 'dev-followups'].map((n) => ({ name: `${n}.jsonl (shared)`, path: `${root}/../shared/eval/${n}.jsonl` })),
    { name: 'chat-frozen.jsonl (eval/frozen, never tuned on)', path: `${root}/eval/frozen/chat-frozen.jsonl` },
    { name: 'natural-frozen.jsonl (eval/frozen, never tuned on)', path: `${root}/eval/frozen/natural-frozen.jsonl` },
    { name: 'chat-variants.jsonl (eval/tuning)', path: `${root}/eval/tuning/chat-variants.jsonl` },
    { name: 'natural-tuning.jsonl (eval/tuning)', path: `${root}/eval/tuning/natural-tuning.jsonl` },
    { name: 'followups-tuning.jsonl (eval/tuning)', path: `${root}/eval/tuning/followups-tuning.jsonl` },
    { name: 'topic-lead-tuning.jsonl (eval/tuning)', path: `${root}/eval/tuning/topic-lead-tuning.jsonl` },
    ...heldout.map((n) => ({ name: `${n} (tests/eval)`, path: `${root}/tests/eval/${n}` })),
  ];
  return candidates.filter((c) => existsSync(c.path)).map((c) => ({ name: c.name, items: loadEvalSet(c.path) }));
}

/** 500-character chunks of every transcript, as a LangChain user would prepare them. */
async function chunksOf(texts: string[]): Promise<Document[]> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 500, chunkOverlap: 0 });
  const docs: Document[] = [];
  for (const text of texts) docs.push(...(await splitter.createDocuments([text])));
  return docs;
}

export async function runSeed(root: string, corpusDir: string): Promise<SeedResult> {
  const started = await timedAsync(() => createCore({ corpusDir, env: readEnv({}) }));
  const core = started.value;
  const docs = await chunksOf(core.corpus.sources.map((s) => s.text));
  const bm25 = BM25Retriever.fromDocuments(docs, { k: 3 });
  const afternoon = new AfternoonBaseline(core.corpus, false);
  const afternoonTerms = new AfternoonBaseline(core.corpus, true);
  const hitRate = (items: EvalItem[], top3: (q: string) => string[]) => {
    const answerable = items.filter((i) => i.answerable);
    const hits = answerable.filter((i) => top3(i.question).some((t) => (i.gold_any ?? []).some((g) => overlaps(t, g)))).length;
    return answerable.length === 0 ? 0 : hits / answerable.length;
  };

  const rows: SeedRow[] = [];
  for (const set of evalSets(root)) {
    const report = await evaluateItems(core, set.items, set.name);
    // Latency: every question asked three more times, after the warm-up run above.
    const answerMs: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      for (const item of set.items) answerMs.push((await timedAsync(() => askInThread(core, item.history ?? [], item.question))).ms);
    }
    const answerable = set.items.filter((i) => i.answerable);
    let bm25Hits = 0;
    const bm25Ms: number[] = [];
    for (const item of set.items) {
      const { ms, value } = await timedAsync(() => bm25.invoke(item.question));
      bm25Ms.push(ms);
      if (item.answerable && value.some((d) => (item.gold_any ?? []).some((g) => overlaps(d.pageContent, g)))) bm25Hits++;
    }
    rows.push({
      set: set.name,
      questions: set.items.length,
      answerable: answerable.length,
      oursHitAt3: report.hitAt3,
      bm25HitAt3: answerable.length === 0 ? 0 : bm25Hits / answerable.length,
      afternoonHitAt3: hitRate(set.items, (q) => afternoon.top3(q)),
      afternoonTermsHitAt3: hitRate(set.items, (q) => afternoonTerms.top3(q)),
      oursAnswerMedianMs: median(answerMs),
      oursAnswerP95Ms: percentile(answerMs, 95),
      bm25MedianMs: median(bm25Ms),
      bm25P95Ms: percentile(bm25Ms, 95),
      refusalAccuracy: report.refusalAccuracy,
      nonVerbatim: report.nonVerbatim,
      misattributed: report.misattributed,
    });
  }
  return { rows, chunks: docs.length, coreStartMs: started.ms };
}
