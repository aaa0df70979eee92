/** Who a paragraph belongs to. Only `guest` text is the words of the person the bot is about. */
export type Role = 'narration' | 'heading' | 'host' | 'guest' | 'other';

/** One sentence of a passage: [start, end) are UTF-16 offsets into its source's `text`. */
export interface Sentence {
  start: number;
  end: number;
  /** Exact source text, always equal to source.text.slice(start, end). */
  text: string;
  /** Team-written English rendering, present for non-English host/guest sentences. */
  translation?: string;
  /**
   * Team-written English search terms for a guest sentence (topic words, synonyms, common paraphrases):
   * a back-of-book index entry that lets a differently worded question find it. Searched, never shown or quoted.
   */
  terms?: string;
  /**
   * Team-written Chinese search terms for the same sentence (colloquial and formal ways a Chinese reader
   * would ask about it), so a Chinese paraphrase finds it without going through English. Searched, never shown.
   */
  termsZh?: string;
  /** Seconds from the start of the recording, when the source has timestamps. */
  time?: number;
}

/** One paragraph of a source, with its role and speaker. */
export interface Passage {
  /** Stable id: `${sourceId}#${index}`. */
  id: string;
  sourceId: string;
  /** 0-based position of the passage within its source. */
  index: number;
  role: Role;
  /** Display name of the speaker; null for narration and headings. */
  speaker: string | null;
  /** 1-based turn number (a run of paragraphs by one speaker); null outside turns. */
  turn: number | null;
  /** 1-based line in the source file where the passage starts. */
  line: number;
  start: number;
  end: number;
  /** Exact source text of the passage. */
  text: string;
  sentences: Sentence[];
  /** The editors' heading in force above this passage, if any (a grouping hint, never a quote). */
  section?: string;
  /** Seconds from the start of the recording, when known. */
  time?: number;
}

/** Metadata of one transcript, read from its `.meta.json` file (or inferred for plain transcripts). */
export interface SourceMeta {
  id: string;
  title: string;
  /** Link shown with quotes (video or episode page). */
  url: string;
  /** The article or page the transcript came from, when different from `url`. */
  sourceUrl?: string;
  /** The article the transcript text comes from, when it is a write-up of the interview (its title). */
  sourceArticle?: string;
  /** Who published that article. */
  publisher?: string;
  /** Language the interview was held in, when the text is a write-up of it in another language. */
  interviewLanguage?: string;
  date?: string;
  /** BCP 47 language of the transcript text, e.g. "zh" or "en". */
  language: string;
  host: string | null;
  guest: string | null;
  format: string;
  /** Other written forms of speakers' names (display name -> aliases), from the meta file. */
  aliases?: Record<string, string[]>;
}

/** A loaded transcript: its metadata, its full text kept byte for byte, and its passages. */
export interface Source {
  meta: SourceMeta;
  /** Path of the transcript file, relative to the corpus directory. */
  path: string;
  text: string;
  passages: Passage[];
}

export interface Corpus {
  dir: string;
  sources: Source[];
  /** Every passage of every source, in source order. */
  passages: Passage[];
  /** Content hash of the corpus files, used to reuse a saved index. */
  hash: string;
}
