import { hasChinese } from '../../text/language.ts';
import { TUNING } from '../../tuning.ts';

/**
 * How chat framing is told apart from the question itself, by the shape of the text rather than by a
 * list of fillers: a message is cut into clauses at punctuation; the clauses that ask something (a
 * question mark, a question word or auxiliary verb at their start, a person named then "on"/"about")
 * are the question; a short run of words before a question word ("random thought but", "quick q") is
 * framing. Inside the question, the words after "about"/"on"/"regarding" (or Chinese 怎么看/关于 …) are
 * its topic; the words before them frame it.
 */

/** Words that open an English question or request. */
const QUESTION_START = new Set([
  'what', "what's", 'whats', 'who', "who's", 'whom', 'whose', 'which', 'when', 'where', 'why', 'how', "how's",
  'do', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'can', 'could', 'would', 'will',
  'should', 'shall', 'may', 'might', 'any', 'anything', 'tell', 'give', 'show', 'share', 'explain', 'find',
  'list', 'quote', 'summarize', 'summarise', 'summary', 'recap',
]);
/** Polite openers of a Chinese question ("请问…", "想问一下…"): framing, never the topic. */
const CHINESE_OPENER = /^(?:请问|请教(?:一下)?|想问(?:一?下)?|问(?:一?下)|求助|麻烦(?:问(?:一?下)?)?|打扰(?:一?下)?了?|那个|嗯+|哈+|话说|顺便问(?:一?下)?)[,，:：、\s]*/u;
/** Chinese question markers: a clause with one asks something. */
const CHINESE_QUESTION = /[吗呢嘛]$|什么|怎么|怎样|如何|为什么|为何|哪|谁|多少|几|是否|有没有|是不是|能不能|会不会|看法|观点|聊到|谈到|提到|说过/u;
/** How many words may come before a question word and still be framing ("ok so", "random thought but"). */
const MAX_PREAMBLE_WORDS = TUNING.reading.maxPreambleWords;
const MAX_CHINESE_PREAMBLE_CHARS = 8;

/** Frame words after which "on"/"of" introduces the topic ("his take on X", "think of X"). */
const FRAME_BEFORE_ANCHOR =
  /\b(?:say|says|said|saying|think|thinks|thought|thoughts|view|views|take|takes|opinion|opinions|stance|position|comment|comments|commented|word|words|feel|feels|felt|perspective|remarks?|talk|talks|talked|spoke|speak|speaks|mention|mentioned|make|made|stand|stands|he|him|his|she|her|they|them)\s+(?:on|of|re|wrt)\s+(.+)$/i;
const ANYWHERE_ANCHOR = /\b(?:about|regarding|concerning|re:|w\.?r\.?t\.?|abt|bout)\s+(.+)$/i;
const CHINESE_TOPIC = [
  /(?:关于|对于|对)(.+?)(?:有什么看法|有何看法|怎么看|咋看|的看法|的观点|的态度|持什么态度|说了什么|说过什么|怎么说|有什么观点|有什么评价|如何评价|怎么评价|有什么想法|的想法)/u,
  /(?:怎么看|咋看|如何看待|怎么看待|怎样看待|如何评价|怎么评价|谈谈|谈到|谈过|聊到|聊过|提到|提过|说过|讲过)(?:了|过)?(?:一下)?(.+?)[吗呢嘛]?$/u,
  /关于(.+)$/u,
];

/** What surrounds a Chinese topic without being it: "关于…", "…的什么", "…吗". */
const CHINESE_TOPIC_EDGES = /^(?:关于|对于|有关)|(?:的)?(?:什么|哪些|看法|观点|事情|内容|话)?[吗呢嘛]?$/gu;

export interface Clause {
  /** The clause with any leading framing removed. */
  text: string;
  /** Its topic (the words after "about", "怎么看" …), when its wording marks one. */
  topic: string | null;
  /** Whether the clause asks something (question mark, question word, Chinese question marker). */
  asks: boolean;
}

/** Words of an English clause (apostrophes kept, so "what's" stays one word). */
function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function bareWord(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, '').replace(/’/g, "'");
}

/**
 * Cuts a message into clauses at sentence and clause punctuation. Commas split only where the part
 * before is short (a vocative or greeting: "hey team,"), so lists inside a question stay whole.
 */
/**
 * A comma before an auxiliary and a pronoun starts a second question ("where does cohere get its
 * labellers from, do they hire them or outsource?"): each is read on its own.
 */
const SECOND_QUESTION = /[,，]\s+(?=(?:do|does|did|is|are|was|were|will|would|can|could|should|has|have|had)\s+(?:he|she|it|they|we|you|i)\b)/i;

export function splitClauses(text: string): string[] {
  const parts = text
    .split(/(?<=[?？!！。;；])\s*|(?<=[.])\s+|\s+[—–-]{1,2}\s+|\s*[—–]{1,2}\s*|[(){}\[\]（）【】]|(?<=[:：])\s*|(?<=\.\.\.)/u)
    .map((p) => p.trim())
    .filter((p) => p !== '' && /[\p{L}\p{N}]/u.test(p));
  const out: string[] = [];
  for (const part of parts.flatMap((p) => p.split(SECOND_QUESTION))) {
    // "hey team, what did…" / "大家好，请问…": a short lead before a comma is its own clause.
    const comma = /^([^,，]{1,24})[,，]\s*(.+)$/u.exec(part);
    // …but not when the lead is the start of the question itself ("Will niche, domain-specific models…").
    const opensQuestion = comma !== null && QUESTION_START.has(bareWord(words(comma[1]!)[0] ?? ''));
    if (comma && !opensQuestion && (hasChinese(comma[1]!) ? comma[1]!.length <= 6 : words(comma[1]!).length <= 3)) {
      out.push(comma[1]!.trim(), comma[2]!.trim());
    } else {
      out.push(part);
    }
  }
  return out;
}

/** Whether a clause's first word is a person's name or a pronoun for one followed by on/about ("gomez on X"). */
function namedThenAnchor(text: string, isName: (word: string) => boolean): boolean {
  const w = words(text).map(bareWord);
  for (let i = 0; i < Math.min(w.length - 1, 3); i++) {
    const word = w[i]!.replace(/'s$/, '');
    if ((isName(word) || /^(?:he|his|him)$/.test(word)) && /^(?:on|about|re|regarding|abt)$/.test(w[i + 1] ?? '')) return true;
    if ((isName(word) || /^(?:he|his|him)$/.test(word)) && /^(?:thoughts?|take|views?|opinion|stance|position)$/.test(w[i + 1] ?? '')) return true;
  }
  return false;
}

/** The English clause from its first question word on, when only a few words of framing come before it. */
function dropEnglishPreamble(text: string): { text: string; asks: boolean } {
  const w = words(text);
  for (let i = 0; i < Math.min(w.length, MAX_PREAMBLE_WORDS + 1); i++) {
    if (QUESTION_START.has(bareWord(w[i]!))) return { text: w.slice(i).join(' '), asks: true };
  }
  return { text, asks: false };
}

function dropChinesePreamble(text: string, isName: (word: string) => boolean, names: readonly string[]): { text: string; asks: boolean } {
  let rest = text.replace(CHINESE_OPENER, '');
  // Words before the person's name ("hi Gomez…", "各位Gomez…") are a greeting or a vocative.
  for (const name of names) {
    const at = rest.toLowerCase().indexOf(name.toLowerCase());
    if (at > 0 && at <= MAX_CHINESE_PREAMBLE_CHARS && (hasChinese(name) || isName(name.toLowerCase()))) {
      rest = rest.slice(at);
      break;
    }
  }
  return { text: rest.trim() || text, asks: CHINESE_QUESTION.test(rest) || /[?？]$/.test(text) };
}

/** The topic a clause's wording marks, if any. */
export function markedTopic(text: string): string | null {
  const clean = text.replace(/[?？!！。.]+$/u, '').trim();
  if (hasChinese(clean)) {
    for (const pattern of CHINESE_TOPIC) {
      const topic = pattern.exec(clean)?.[1]?.replace(CHINESE_TOPIC_EDGES, '').trim();
      if (topic) return topic;
    }
    return null;
  }
  const m = ANYWHERE_ANCHOR.exec(clean) ?? FRAME_BEFORE_ANCHOR.exec(clean);
  return m?.[1]?.trim() || null;
}

export interface ClauseOptions {
  /** Whether a lower-cased word is (part of) a known person's name. */
  isName(word: string): boolean;
  /** Names as written, for finding a name inside Chinese text. */
  names: readonly string[];
}

/** A message's clauses, each with its framing removed, its topic and whether it asks something. */
export function readClauses(text: string, options: ClauseOptions): Clause[] {
  return splitClauses(text).map((raw) => {
    const chinese = hasChinese(raw);
    const stripped = chinese ? dropChinesePreamble(raw, options.isName, options.names) : dropEnglishPreamble(raw);
    const asks = stripped.asks || /[?？]\s*$/.test(raw) || (!chinese && namedThenAnchor(stripped.text, options.isName));
    return { text: stripped.text, topic: markedTopic(stripped.text), asks };
  });
}
