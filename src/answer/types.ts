/** Where a quote comes from; `locator` is human-readable ("turn 23", "12:34"). */
export interface QuoteSource {
  id: string;
  title: string;
  url: string;
  locator: string;
  date?: string;
  /** The article the quoted text comes from, when it is a write-up ("量子位 (QbitAI), 《…》"). */
  article?: string;
  /** The transcript viewer, opened at this quote (set when PUBLIC_URL is); `url` stays the media. */
  link?: string;
}

/** A verbatim, speaker-attributed excerpt: `text` is an exact substring of the source document. */
export interface Quote {
  text: string;
  translation?: string;
  speaker: string;
  source: QuoteSource;
  /** Id of the passage the quote was taken from (internal; kept for verification and paging). */
  passageId?: string;
}

export type AnswerMode = 'extractive' | 'llm';

/** The answer contract of `gomez ask --json` (see DESIGN.md). */
export interface Answer {
  question: string;
  answered: boolean;
  answer: string;
  quotes: Quote[];
  mode: AnswerMode;
  /** Nearest topics the corpus covers, offered when `answered` is false. */
  suggestions?: string[];
  /** Language the answer is written in ("en" or "zh"). */
  language?: string;
}

export interface Theme {
  title: string;
  takeaway: string;
  quotes: Quote[];
}

/** The summary contract of `gomez summary --json` (see DESIGN.md). */
export interface Summary {
  topic: string | null;
  answered: boolean;
  themes: Theme[];
  mode: AnswerMode;
  /** Refusal or intro text, in the reader's language. */
  note?: string;
}
