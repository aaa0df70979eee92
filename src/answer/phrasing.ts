import { ownEntry } from '../own-entry.ts';

/**
 * The subject of a question as the user wrote it ("about synthetic data" -> "synthetic data"), echoed in
 * the lead or refusal. Only short subjects are echoed: a long one may be pasted or injected text.
 */
const MAX_WORDS = 8;
const MAX_CHARS = 60;

const ENGLISH_SUBJECT = /\b(?:about|regarding|on)\s+(.+?)\s*[?.!]*$/i;
const CHINESE_SUBJECT = [
  /(?:关于|对于|对)(.+?)(?:有什么看法|有何看法|怎么看|的看法|的观点|的态度|持什么态度|说了什么|怎么说|有什么观点|有什么评价|如何评价|怎么评价)/,
  /(?:如何看待|怎么看待|怎样看待|如何评价|怎么评价|谈谈|谈到|说过)(.+?)[??。!!]*$/,
  /关于(.+?)[,,??。]/,
];

/** The text itself as a subject, when it is short enough to echo (a topic typed as is: "robotics"). */
export function shortSubject(text: string): string | null {
  return short(text.replace(/[??。.!!]+$/, ''));
}

function short(subject: string | undefined): string | null {
  if (!subject) return null;
  const s = subject.trim().replace(/^["'“”‘’「」]+|["'“”‘’「」]+$/g, '');
  if (s === '' || s.length > MAX_CHARS || s.split(/\s+/).length > MAX_WORDS) return null;
  return s;
}

export function questionSubject(question: string, language: 'zh' | 'en'): string | null {
  const clause = question.split(/(?<=[??!!。])\s*/)[0] ?? question;
  if (language === 'en') return short(ENGLISH_SUBJECT.exec(clause)?.[1]);
  for (const pattern of CHINESE_SUBJECT) {
    const m = pattern.exec(clause);
    if (m) return short(m[1]);
  }
  return null;
}

/** "a, b and c" / "a、b和c". */
export function listOf(items: readonly string[], language: 'zh' | 'en'): string {
  if (language === 'zh') return items.map((i) => `“${i}”`).join('、');
  const quoted = items.map((i) => `“${i}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

const LANGUAGE_NAMES: Record<string, string> = { zh: 'Chinese', en: 'English', ja: 'Japanese', fr: 'French', de: 'German', es: 'Spanish' };

/** English name of a language code ("zh-CN" -> "Chinese"). */
export function languageName(code: string): string {
  return ownEntry(LANGUAGE_NAMES, code.split('-')[0]!.toLowerCase()) ?? code;
}
