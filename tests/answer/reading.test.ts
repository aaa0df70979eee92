import { beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import type { GomezCore } from '../../src/core.ts';
import { createCore } from '../../src/create-core.ts';
import { messageKind } from '../../src/answer/reading/kind.ts';
import { stripChatMarkup } from '../../src/answer/reading/markup.ts';
import { splitClauses } from '../../src/answer/reading/clauses.ts';

// Every phrasing here is written for this file: none comes from the public eval sets, so these
// tests check that chat framing is read by its shape, not by a list of known fillers.
let core: GomezCore;
beforeAll(async () => {
  core = await createCore({ corpusDir: 'corpus', env: readEnv({ LOG_LEVEL: 'silent' }) });
});

async function quoteTexts(question: string, history: string[] = []): Promise<string[]> {
  const answer = await core.ask(question, { history: history.map((q) => ({ question: q })) });
  return answer.answered ? answer.quotes.map((q) => q.text) : [];
}

describe('stripChatMarkup', () => {
  it.each([
    ['<@U0BOT> <!here> what is new?', 'what is new?'],
    ['<@&998877> <#C1|general> see <https://example.com/a|the notes>', 'see the notes'],
    ['**bold** and __under__ and `code` :sparkles: 🎉', 'bold and under and code'],
    ['@everyone @所有人 hello', 'hello'],
    ['> quoted line', 'quoted line'],
    ['<:blob:123> <a:wave:456> hi <t:1700000000:R>', 'hi'],
  ])('%s -> %s', (raw, plain) => {
    expect(stripChatMarkup(raw)).toBe(plain);
  });
});

describe('message kinds', () => {
  it.each([
    ['help', 'help'],
    ['what can you do?', 'help'],
    ['hey there', 'greeting'],
    ['Good morning team!', 'greeting'],
    ['大家好', 'greeting'],
    ['ok great, thanks so much!', 'thanks'],
    ['cheers mate', 'thanks'],
    ['多谢', 'thanks'],
    ['summarise the interview', 'summary'],
    ['haha fair enough', 'chatter'],
  ])('%s is %s', (text, kind) => {
    expect(messageKind(text, /\?/.test(text))).toBe(kind);
  });

  it('a greeting in front of a question is still a question', () => {
    expect(core.read('hello friends — what did Gomez say about robots?').kind).toBe('question');
    expect(core.read('thanks! and what about hiring?').kind).toBe('question');
  });
});

describe('chat framing never changes the answer', () => {
  const plain = 'What did Gomez say about synthetic data?';
  it.each([
    'Morning all :coffee: — what did Gomez say about synthetic data? much obliged',
    '<@U0BOT> <!subteam^S1|@eng> **what** did Gomez say about synthetic data?? 🙏',
    'Not sure who to ask, so: what did Gomez say about synthetic data',
    'one for the reading group... What did Gomez say about synthetic data? (no rush)',
    'WHAT DID GOMEZ SAY ABOUT SYNTHETIC DATA',
  ])('%s', async (framed) => {
    expect(await quoteTexts(framed)).toEqual(await quoteTexts(plain));
  });

  it('Chinese framing and the Chinese rendering of his name', async () => {
    const expected = await quoteTexts('Gomez怎么看合成数据?');
    expect(expected.length).toBeGreaterThan(0);
    expect(await quoteTexts('打扰一下各位:Gomez怎么看合成数据?多谢🙏')).toEqual(expected);
    const alias = core.read('艾丹·戈麦斯怎么看合成数据?');
    expect(alias.named).toBe(true);
    expect(alias.person.name).toBe('Aidan Gomez');
  });

  it('an uncovered topic stays refused whatever the framing', async () => {
    const answer = await core.ask('yo folks, quick one: what did Gomez say about the World Cup final? thx');
    expect(answer.answered).toBe(false);
    expect(answer.answer).not.toMatch(/It does cover[^.]*World Cup/);
  });
});

describe('typos', () => {
  it('a dropped, doubled or swapped letter finds what the right spelling finds', async () => {
    const expected = await quoteTexts('What did Gomez say about synthetic data?');
    expect(await quoteTexts('What did Gomez say about synthetc data?')).toEqual(expected);
    expect(await quoteTexts('What did Gomez say about syntehtic data?')).toEqual(expected);
  });

  it('correct spellings and names are never changed', () => {
    expect(core.read('What did Gomez say about synthetic data?').corrections).toEqual([]);
    expect(core.read('What did Gomez say about Google Brain?').corrections).toEqual([]);
  });

  it('an English word the corpus never uses is left alone, not turned into a corpus word', () => {
    // The transcripts say "closer" and never "closed": one edit apart, but "closed" is a word.
    const reading = core.read('does he prefer closed weights over open ones?');
    expect(reading.corrections).toEqual([]);
    expect(reading.clauses[0]!.text).toContain('closed');
    expect(core.read('what did gomez say abt robtoics').corrections).toEqual([{ from: 'robtoics', to: 'robotics' }]);
  });
});

describe('spoken question forms', () => {
  it('a Chinese A-not-A question ("靠不靠谱", "有没有") is judged by its topic, not by the form that asks', async () => {
    expect(await quoteTexts('那些合成数据这块,他觉得靠不靠谱?')).toEqual(await quoteTexts('Gomez怎么看合成数据?'));
  });

  it('an everyday Chinese verb the transcript never uses does not sink the question; an unknown subject still does', async () => {
    // "掏钱" (pay up) is jieba's common verb, a paraphrase of the transcript's "买"; 比特币 is a subject it lacks.
    expect((await quoteTexts('推销员换成机器人的话,Gomez会掏钱吗?'))[0]).toContain('我是不会买的');
    expect(await quoteTexts('Gomez会不会掏钱买比特币?')).toEqual([]);
  });

  it('digits meet the number words of the translation ("like 5 yrs?" / "within five years")', async () => {
    const quotes = await quoteTexts('cheap general purpose robots — is that like 5 yrs away or 10?');
    expect(quotes.slice(0, 3).some((q) => q.includes('五年'))).toBe(true);
  });

  it('a second question after a comma ("…, do they …?") is read on its own', async () => {
    const message = 'what did gomez say about synthetic data, do they generate it in house or buy it?';
    expect(splitClauses(message)).toEqual(['what did gomez say about synthetic data', 'do they generate it in house or buy it?']);
    expect((await quoteTexts(message))[0]).toBe((await quoteTexts('what did gomez say about synthetic data?'))[0]);
    // A comma inside one question is not a boundary.
    expect(splitClauses('Will niche, domain-specific models survive?')).toEqual(['Will niche, domain-specific models survive?']);
  });
});

describe('topic first, question after', () => {
  it('a short topic before a question that points back at it is the question\'s topic', async () => {
    const reading = core.read('robots — would he trust one in his home?');
    expect(reading.clauses[0]!.text).toMatch(/^robots: would he trust one/);
    // The question as written stays a second reading: the better-supported one is answered.
    expect(reading.clauses[1]!.text).toBe('would he trust one in his home?');
    expect((await quoteTexts('robots — would he trust one in his home?'))[0]).toBe((await quoteTexts('What did Gomez say about robots?'))[0]);
  });

  it('works in Chinese', async () => {
    expect(await quoteTexts('机器人:他怎么看这个?')).toEqual(await quoteTexts('Gomez怎么看机器人?'));
  });

  it('takes a long recalled topic before a question with only weak words ("what exactly did he say")', async () => {
    const message = 'the bit about the internet having hardly any data that shows people reasoning step by step — what exactly did he say';
    const reading = core.read(message);
    // A 17-word lead: longer than a chat opener, still the topic of the question after it.
    expect(reading.clauses[0]!.text).toBe('the bit about the internet having hardly any data that shows people reasoning step by step: what exactly did he say');
    // The bare question ("exactly") is not answered on its own: the topic before it is what is asked.
    const quotes = await quoteTexts(message);
    expect(quotes.slice(0, 3).some((q) => q.includes('推理过程'))).toBe(true);
    expect(await quoteTexts('can someone remind me what he said about hiring?')).toEqual(await quoteTexts('what did he say about hiring?'));
  });

  it('still answers a question of weak words when nothing else in the message names a topic', async () => {
    // "want", "side", "deal" weigh little, but they are all the question has.
    const answer = await core.ask('who would he want on the other side of a deal?');
    expect(answer.answered).toBe(true);
    expect(answer.quotes.slice(0, 3).some((q) => q.text.includes('真人'))).toBe(true);
  });

  it('leaves a question with a topic of its own alone', () => {
    const reading = core.read('fun fact — what did he say about hiring?');
    expect(reading.clauses.map((c) => c.text)).toEqual(['what did he say about hiring?']);
  });
});

describe('follow-ups from history', () => {
  const thread = ['What did Gomez say about synthetic data?'];

  it('a question without a topic takes the thread topic', () => {
    const reading = core.read('and how come?', thread);
    expect(reading.clauses[0]!.from).toBe('history');
    expect(reading.clauses[0]!.text).toContain('synthetic data');
  });

  it('a question with its own topic is a new question, with the person carried over', async () => {
    const reading = core.read('what is his view on robots?', thread);
    expect(reading.clauses[0]!.from).toBe('message');
    expect(reading.clauses[0]!.topic).toBe('robots');
    expect(await quoteTexts('what is his view on robots?', thread)).toEqual(await quoteTexts('What is Gomez\'s view on robots?'));
  });

  it('"what about X" asks about X in the frame of the thread', () => {
    const reading = core.read('ok and what about robots?', thread);
    expect(reading.clauses[0]!.topic).toBe('robots');
  });

  it('a message that refers back is read only with the thread: an uncovered thread stays refused', async () => {
    const reading = core.read('and what happened next?', ['what did gomez say about bitcoin?']);
    expect(reading.refersBack).toBe(true);
    expect(reading.clauses.map((c) => c.from)).toEqual(['history']);
    // Alone, "what happened next" would find "the next big breakthrough" passages.
    const answer = await core.ask('and what happened next?', { history: [{ question: 'what did gomez say about bitcoin?' }] });
    expect(answer.answered).toBe(false);
  });

  it('reads "what did they do instead?" as asking for what came after the thread\'s answer', () => {
    const earlier = ['what did gomez say about the internet lacking reasoning data?'];
    for (const sequel of ['so what are companies doing instead?', 'and then what?', 'ok what did they do after that?', 'what came next?']) {
      const clause = core.read(sequel, earlier).clauses[0]!;
      expect(clause.sequelOf?.text, sequel).toBe(core.read(earlier[0]!).clauses[0]!.text);
    }
    // "then" as a particle and "next" before a noun ask about the same thing, not what came after.
    for (const same of ['is it still worth it then?', "what's the next step?"]) {
      expect(core.read(same, earlier).clauses.every((c) => c.sequelOf === undefined), same).toBe(true);
    }
    expect(core.read('后来呢?', ['Gomez怎么看客户数据的保密问题?']).clauses[0]!.sequelOf).toBeDefined();
  });

  it('answers a sequel with what the person said after the quotes the thread was answered with', async () => {
    const earlier = 'what did gomez say about the internet lacking reasoning data?';
    const before = await quoteTexts(earlier);
    const after = await quoteTexts('so what are companies doing instead?', [earlier]);
    expect(after.slice(0, 3).some((q) => q.includes('收集展示人类推理过程的数据'))).toBe(true);
    // The thread's best quote is what the sequel follows: not shown again.
    expect(before.length).toBeGreaterThan(0);
    expect(after).not.toContain(before[0]);
    const zh = await quoteTexts('那他们后来怎么做的?', ['Gomez怎么看客户数据的保密问题?']);
    expect(zh.slice(0, 3).some((q) => q.includes('为此,我们将重点转向合成数据'))).toBe(true);
    // What follows on in one paragraph is one quote, read in order, not split and reordered.
    expect(zh.some((q) => q.startsWith('他们视数据为知识产权') && q.endsWith('为此,我们将重点转向合成数据,并在此领域投入了大量资源。'))).toBe(true);
  });

  it('a new uncovered topic in a thread is refused, not answered from the thread', async () => {
    const answer = await core.ask('what does he think about the World Cup?', { history: [{ question: thread[0]! }] });
    expect(answer.answered).toBe(false);
  });
});
