/**
 * Every ranking, coverage and refusal constant of the answer pipeline, in one place, each with why it
 * has its value. docs/retrieval.md describes how they act together. Change one here, then run
 * `gomez eval` on every set (and the frozen held-out set, which is never tuned on) before keeping it.
 */
export const TUNING = {
  reading: {
    /** A question longer than this is refused rather than cut: a cut question may ask something else. */
    maxQuestionChars: 1000,
    /**
     * Words before a question word that may still be framing ("random thought but what…"). Five covers
     * chat openers; a longer run is more likely part of the question.
     */
    maxPreambleWords: 5,
    /** A follow-up without a marked topic and at most this many words takes the previous question's topic. */
    maxElaborationWords: 10,
    /** A clause of at most this many words after a fuller question ("context?") only asks for more of it. */
    maxAppendageWords: 2,
    /** Earlier questions of a thread that are read to resolve a follow-up (older ones rarely matter). */
    maxHistoryQuestions: 4,
    /**
     * A clause of at most this many words that asks nothing, right before a question that names no topic
     * of its own ("sales bots — would he buy from one?", "that bit about tiny models now beating the
     * monster GPT-4 — what exactly did he say"), is read as that question's topic. People recall a
     * passage in a long phrase: at 6 words, leads of 10–17 words were ignored and the bare question
     * answered on its weak words; 20 measured best on eval/tuning (docs/retrieval.md).
     */
    maxTopicLeadWords: 20,
  },
  spelling: {
    /** Shorter words are left alone: at four letters one edit reaches too many other words. */
    minLength: 5,
    /** From this length two edits (a swapped pair of letters) are allowed; below it one. */
    twoEditsFrom: 8,
  },
  query: {
    /** Weight of a frame word ("say", "怎么看") in the search; it never counts as coverage. */
    frameWeight: 0.15,
    /** Search weight of a related term (thesaurus) against the word itself. */
    relatedWeight: 0.5,
    /** How much a related term counts toward covering the question's word. */
    relatedCredit: 0.7,
    /** Coverage weight of a weak word ("really", "一下"); a rare topic word weighs 3–6 (its IDF). */
    weakConceptWeight: 0.8,
    /**
     * A Chinese word the corpus never uses but jieba's dictionary lists as a common (frequency ≥
     * minFrequency) verb, adverb or time word weighs this share of an unknown word's weight: "掏钱" in
     * "他还会掏钱吗" is a paraphrase of "买", not a subject the transcript lacks. At 0.5 heldout6 rose
     * 0.667 -> 0.800 with refusal unchanged everywhere; English has no tagger cheap enough (docs/retrieval.md).
     */
    commonChineseWord: { share: 0.5, minFrequency: 100 },
    /**
     * Weight of a word outside the question's marked topic ("someone tell me" in "can someone tell me
     * what he said about X"): it still helps rank, but can neither carry nor sink coverage on its own.
     */
    contextConceptWeight: 0.3,
    /** A name found only in the host's question or a heading around a turn counts this much. */
    namedContextCredit: 0.3,
    /**
     * WordNet synonyms stand in for a lower-case English word the corpus never uses ("survive" -> last,
     * endure; "house" -> home): the words of its `senses` commonest senses per part of speech, and what
     * the commonest one is a kind of. A stand-in covers `credit` of the word: under minCoverage, so a
     * synonym alone never answers a one-word question ("weather" -> conditions). Measured: senses 3 or
     * credit 0.6 answered unanswerable probes ("traffic", "cooking", "salary"); docs/retrieval.md.
     */
    wordnet: { senses: 2, credit: 0.4 },
  },
  evidence: {
    /** A sentence shorter than this (characters) is joined with the next one ("The importance of data." + "I underestimated it."). */
    shortSentence: { zh: 14, en: 50 },
    /** …as long as the joined span stays under this length. */
    longSpan: { zh: 120, en: 320 },
    /** A closing sentence shorter than this is also offered joined to the one before it (it usually completes it). */
    closingSentence: { zh: 20, en: 70 },
    /** How much a span's search terms (team paraphrases) count against its own words: the own words stay a little ahead. */
    searchTermsCredit: 0.9,
    /** Weight of the passage's retrieval score against how well the span itself fits the question. */
    retrievalShare: 0.35,
    /** A span that is itself a question (a rhetorical one, in a guest's turn) rarely answers one. */
    questionFactor: 0.4,
    /** How much of the question a turn's opening span may borrow from the question it answers ("About $1 billion."). */
    askedCredit: 0.85,
    /**
     * A follow-up asking what came after ("so what did they do instead?") is answered by the spans
     * after the quotes the thread's question finds: up to `sequelPerQuote` after each, skipping those
     * quotes, each losing `sequelStep` of its quote's score per span further on.
     */
    sequelPerQuote: 3,
    sequelStep: 0.01,

    /** How much more a span fits when it holds the kind of answer asked for (a name for "who", an amount for "how much"). */
    answerShapeFactor: 1.2,
    /** How much more a question word weighs in choosing sentences when few retrieved sentences have it. */
    focusBoost: 1,
    /** A quote scoring below this share of the best one is left out rather than shown as filler. */
    minRelativeScore: 0.5,
    /** Spans one passage may give, and how a second one competes against other passages. */
    maxPerPassage: 2,
    samePassageWeight: 0.9,
  },
  index: {
    /**
     * Field weights of a passage: its own words (original or translation) fully, the team's search terms
     * a little less, its context (the question it answers, the heading above) less still.
     */
    fieldBoost: { text: 1, en: 1, context: 0.35, terms: 0.8 },
    /** BM25+ parameters, as MiniSearch sets them (term-index.ts scores exactly as MiniSearch does). */
    bm25: { k: 1.2, b: 0.7, d: 0.5 },
    /** Characters of the other speaker's turn kept as a passage's context. */
    contextMaxChars: 600,
  },
  topics: {
    /** Guest passages read to find what a large corpus keeps coming back to, without reading all of it. */
    maxPassages: 20_000,
    /** Topics offered in suggestions and autocomplete. */
    maxTopics: 24,
  },
  model: {
    /** Turns by the person given to the model; each comes with the host question before it. */
    maxPersonPassages: 6,
    /** Passages fetched per lexical query for the model's evidence. */
    lexicalK: 10,
    /** Reciprocal-rank fusion constant for merging the model's evidence lists (the usual 60). */
    rrfK: 60,
  },
  answer: {
    /**
     * The share of a question (weighted by word rarity) that one turn and the question it answers must
     * cover for the answer to count as grounded; below it the bot says the interview does not cover it.
     */
    minCoverage: 0.5,
    /** Passages retrieved per question (enough for a few pages of "more quotes"). */
    candidatePassages: 12,
    /** Other speakers' turns (questions, mostly) whose answers are considered. */
    askedPassages: 5,
    /**
     * The answer to a matching question is the whole turn after it: its later paragraphs are candidates
     * too, at this share of the question's retrieval score (the opening paragraph keeps all of it).
     */
    answerRestShare: 0.8,
    /** Quotes per answer unless the caller asks for another number, and the most it may ask for. */
    defaultLimit: 3,
    maxLimit: 10,
    /** Covered topics offered with a refusal. */
    suggestions: 3,
  },
} as const;
