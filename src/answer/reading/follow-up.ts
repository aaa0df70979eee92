import { tokenizeQuery } from '../../search/tokenize.ts';
import { hasChinese } from '../../text/language.ts';
import { TUNING } from '../../tuning.ts';
import type { Person } from '../person.ts';
import type { AskedClause, QuestionReading } from './types.ts';

/**
 * What a message in a thread takes from the questions before it, and only what it lacks:
 * - a new topic in the previous frame ("what about X?", "and X?", "那X呢?") swaps the topic;
 * - a question with a topic of its own ("what does he think of OpenAI?") is a new question, taking at
 *   most the person from the thread when it names none ("he");
 * - a short question without a topic ("why?", "is that sustainable?", "when will it happen?") is read
 *   with the previous question, and that reading is preferred when the corpus supports it.
 */

const SWITCH_EN = [
  /^(?:and|but|ok|okay|so|also)?[\s,]*(?:what|how)\s+about\s+(.+?)[?.!\s]*$/i,
  /^(?:and|also|plus|or)\s+(?:about\s+|on\s+|regarding\s+)?(.+?)[?.!\s]*$/i,
];
const SWITCH_ZH = [/^(?:那么?|还有|那关于|关于)?\s*(.{1,20}?)(?:方面|的话)?呢[?？]?$/u, /^(?:那|还有)关于(.{1,20}?)[?？]?$/u];
/** Words that refer back or ask for more rather than name a topic ("and why?", "那为什么呢?"). */
const NOT_A_TOPIC_EN = /^(?:why|how|what|when|where|who|that|this|it|those|them|him|his|he|then|so|more|else|now|again)\b/i;
const NOT_A_TOPIC_ZH = /^(?:为什么|为何|怎么|然后|还有|其他|别的|这个|那个|他|它|这|那)$/u;

/**
 * Words asking for what followed or replaced something (a closed set of sequence and alternative words,
 * not a topic): "instead", "and then", "next", "after that", "as an alternative"; 然后, 后来, 接下来, 转而,
 * 改用. Not a bare "then": "is it worth it then?" asks about the same thing.
 */
const SEQUEL_EN = /\b(?:instead|next(?=\s*(?:[?.!,]|$))|afterwards?|after\s+that|alternatives?|alternatively|in\s+response|in\s+its\s+place|and\s+then|then\s+what|what\s+(?:happened\s+)?then)\b/i;
const SEQUEL_ZH = /然后|后来|接下来|接着|于是|转而|改用|改为|取而代之|替代|之后呢/u;

/** Whether a message asks what came after, or in place of, what it follows. */
export function asksSequel(text: string): boolean {
  return (hasChinese(text) ? SEQUEL_ZH : SEQUEL_EN).test(text);
}

/** The topic a message swaps into the previous question's frame, if it is that kind of follow-up. */
function switchedTopic(text: string): string | null {
  const chinese = hasChinese(text);
  for (const pattern of chinese ? SWITCH_ZH : SWITCH_EN) {
    const topic = pattern.exec(text.trim())?.[1]?.trim();
    if (!topic) continue;
    if ((chinese ? NOT_A_TOPIC_ZH.test(topic) : NOT_A_TOPIC_EN.test(topic)) || asksSequel(topic)) return null;
    return topic;
  }
  return null;
}

/** Whether a marked topic names something (not only "that", "it", "this"). */
function namesSomething(topic: string | null): boolean {
  return topic !== null && tokenizeQuery(topic).length > 0;
}

function isShort(text: string): boolean {
  return hasChinese(text) ? text.length <= TUNING.reading.maxElaborationWords * 2 : text.split(/\s+/).length <= TUNING.reading.maxElaborationWords;
}

/** The previous question with its topic replaced, its old topic kept as context words. */
function inFrame(previous: AskedClause, topic: string, person: Person): AskedClause {
  const frame = previous.topic && previous.text.includes(previous.topic)
    ? previous.text.replace(previous.topic, topic)
    : hasChinese(topic) ? `${person.name}怎么看${topic}?` : `What did ${person.name} say about ${topic}?`;
  return { text: frame, topic, context: previous.topic ?? previous.text, from: 'history' };
}

/** `current` completed from `previous` (itself already completed from its own thread). */
export function continueThread(current: QuestionReading, previous: QuestionReading, defaultPerson: Person): QuestionReading {
  if (current.kind !== 'question' && current.kind !== 'chatter') return current;
  const main = current.clauses[0];
  const before = previous.clauses[0];
  if (!main || !before) return current;
  const person = current.named ? current.person : previous.named || previous.person !== defaultPerson ? previous.person : current.person;
  const named = current.named || previous.named;
  const switched = switchedTopic(main.text);
  if (switched) {
    return { ...current, person, named, refersBack: true, clauses: [inFrame(before, switched, person), ...current.clauses] };
  }
  if (namesSomething(main.topic) || !isShort(main.text)) return { ...current, person, named };
  // The thread's topic is what the corpus must cover; the new words steer which of its passages.
  const merged: AskedClause = {
    text: `${before.text} ${main.text}`,
    topic: before.topic ?? before.text,
    from: 'history',
    ...(asksSequel(current.plain) ? { sequelOf: before } : {}),
  };
  // A message that refers back ("is that sustainable?", "what happened next?") is about the thread's
  // topic only: read alone it would answer its own stray words, even when the thread's topic is not covered.
  const clauses = current.refersBack ? [merged] : [...current.clauses, merged];
  return { ...current, person, named, clauses };
}
