/**
 * What a message is, before anything is searched: a question (or a topic typed as is), a request for
 * help, a greeting, thanks, a summary request, or chatter that asks nothing. The bot layer uses this
 * for thread manners: only questions are answered unprompted; thanks gets a reaction; chatter nothing.
 */
export type MessageKind = 'question' | 'help' | 'greeting' | 'thanks' | 'summary' | 'recap' | 'chatter';

// Each pattern must match the WHOLE message (after markup and punctuation are removed), so a greeting
// or a thank-you in front of a real question never hides the question.
const WHOLE = (body: string) => new RegExp(`^(?:${body})$`, 'iu');

const VOCATIVE = "(?:\\s+(?:all|everyone|everybody|folks|team|there|guys|y'?all|friends|bot|[\\p{Script=Latin}.]+bot|@?\\p{Lu}\\p{Script=Latin}*))?";
const GREETING = WHOLE(
  `(?:hi+|hello+|hey+|hiya|howdy|yo+|sup|greetings|good (?:morning|afternoon|evening|day)|morning|evening|gm)${VOCATIVE}(?:\\s+(?:how are you|how's it going|what's up))?|你好|您好|大家好|嗨|哈喽|早上好|下午好|晚上好|早|在吗|在不在`,
);
const THANKS = WHOLE(
  `(?:(?:ok(?:ay)?|great|awesome|perfect|nice|cool|got it|makes sense|that helps|super|amazing|brilliant)[\\s,!.]*)*(?:thanks?(?: you)?(?: so much| a lot| very much| again)?|thx|tysm|ty|tyvm|cheers|much appreciated|appreciate (?:it|that)|thank u|merci|danke|谢谢(?:你|啦|了)?|多谢|感谢|辛苦了?)(?:[\\s,!.]*(?:bot|all|everyone|team|mate|\\p{Script=Latin}+bot|@?\\p{Lu}\\p{Script=Latin}*))?(?:[\\s,!.]*(?:great|awesome|perfect|nice|helpful|that helps|very helpful|super helpful))?`,
);
const HELP = WHOLE(
  `(?:\\/?help|\\?|usage|commands|how (?:do|can) i use (?:you|this|it)|how does (?:this|it) work|what can you do|what do you do|what are you|who are you|what (?:can|should) i ask(?: you)?|what do you know(?: about)?|帮助|怎么用|如何使用|你能做什么|你会什么|你是谁)(?:\\s+(?:please|pls|me))?`,
);
const SUMMARY = /^(?:please\s+|pls\s+|can you\s+|could you\s+)?(?:summari[sz]e|summary(?: of)?|tl;?dr|give me (?:a |the )?(?:summary|digest|rundown)(?: of)?|digest|总结|概括|摘要)(?:\s+(?:of|on|about))?(?:\s+(.+))?$/iu;

/** "recap", "recap 30", "recap 30 days", "channel recap": this channel's recap (a question about recaps is a question). */
const RECAP = /^(?:please\s+|pls\s+)?(?:(?:channel|a|the)\s+)?recap\b\s*(\d{1,3}(?:\s*d(?:ays?)?)?)?(?:\s+please)?$/i;

/** A recap request's period as typed ("30", "30 days"), '' for the default, undefined when not a recap. */
export function recapRequest(text: string): string | undefined {
  const m = RECAP.exec(text.replace(/[?？!！.。]+$/u, '').trim());
  return m ? (m[1] ?? '') : undefined;
}

/** The message reduced for these checks: lower-cased, punctuation and emoji out, spaces collapsed. */
function bare(text: string): string {
  return text
    .replace(/[!！.。,，?？~～…:：;；'"“”‘’()（）-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A summary request's topic (null for the whole corpus), or undefined when the message is not one. */
export function summaryRequest(text: string): string | null | undefined {
  const m = SUMMARY.exec(text.replace(/[?？!！.。]+$/u, '').trim());
  if (!m) return undefined;
  const topic = m[1]?.trim().replace(/^(?:the\s+)?(?:interviews?|corpus|transcripts?)$/i, '');
  return topic ? topic : null;
}

/**
 * The kind of a plain-text message (markup already removed). `asks` says whether its wording asks
 * something (see clauses.ts); a message that neither asks nor names a topic is chatter.
 */
export function messageKind(text: string, asks: boolean): MessageKind {
  const b = bare(text);
  if (b === '') return 'chatter';
  if (HELP.test(b) || HELP.test(text.trim())) return 'help';
  if (GREETING.test(b)) return 'greeting';
  if (THANKS.test(b)) return 'thanks';
  if (recapRequest(text) !== undefined) return 'recap';
  if (summaryRequest(text) !== undefined) return 'summary';
  return asks ? 'question' : 'chatter';
}
