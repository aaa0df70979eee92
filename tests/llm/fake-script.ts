/**
 * Helpers for scripting the fake OpenAI server as the bot's model: tell the three kinds of request
 * apart (condense, translate, answer) and read the numbered passages out of an answer request.
 */
import type { ChatReply, FakeChatRequest } from '../fakes/openai.ts';

export type RequestKind = 'condense' | 'translate' | 'answer' | 'other';

export function kindOf(request: FakeChatRequest): RequestKind {
  const system = request.messages.find((m) => m.role === 'system')?.content ?? '';
  if (system.includes('rewrite a follow-up as a standalone question')) return 'condense';
  if (system.includes('translate a search query')) return 'translate';
  if (system.includes('answer a question about')) return 'answer';
  return 'other';
}

export interface PromptPassage {
  id: string;
  speaker: string;
  role: string;
  original: string;
  translation?: string;
}

/** The passages of an answer request, as rendered by src/answer/llm/context.ts. */
export function passagesOf(request: FakeChatRequest): PromptPassage[] {
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const out: PromptPassage[] = [];
  const block = /\[(P\d+)\]\nspeaker: (.*) \| role: (\w+)\nsource: .*\noriginal: (.*)(?:\ntranslation: (.*))?/g;
  for (const m of user.matchAll(block)) {
    out.push({ id: m[1]!, speaker: m[2]!, role: m[3]!, original: m[4]!, ...(m[5] ? { translation: m[5] } : {}) });
  }
  return out;
}

/** The first guest passage whose original contains `needle`. */
export function guestPassage(request: FakeChatRequest, needle: string): PromptPassage | undefined {
  return passagesOf(request).find((p) => p.role === 'guest' && p.original.includes(needle));
}

export function json(value: unknown): ChatReply {
  return { kind: 'content', content: JSON.stringify(value) };
}

/** Replies to condense and translate requests with fixed texts, everything else with `answer`. */
export function modelScript(answer: (request: FakeChatRequest) => ChatReply, texts: { condensed?: string; translated?: string } = {}) {
  return (request: FakeChatRequest): ChatReply => {
    const kind = kindOf(request);
    if (kind === 'condense') return { kind: 'content', content: texts.condensed ?? 'What did Aidan Gomez say about synthetic data?' };
    if (kind === 'translate') return { kind: 'content', content: texts.translated ?? 'Aidan Gomez怎么看合成数据?' };
    return answer(request);
  };
}
