import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { ModelPrompts } from './prompts.ts';

/**
 * The prompts/ files as LangChain prompt templates. They are written with `{{placeholders}}`, which is
 * mustache: values are inserted as is (never re-parsed), so a question holding braces cannot inject
 * template syntax.
 */
function chatTemplate(system: string, human: string): ChatPromptTemplate {
  return ChatPromptTemplate.fromMessages([['system', system], ['human', human]], { templateFormat: 'mustache' });
}

/** Values of the answer prompt: persona + answer rules, then the question and the numbered passages. */
export interface AnswerPromptValues {
  guest: string;
  language: string;
  limit: string;
  question: string;
  passages: string;
}

export function answerPrompt(prompts: ModelPrompts): ChatPromptTemplate<AnswerPromptValues> {
  return chatTemplate(`${prompts.persona}\n\n${prompts.answer}`, 'Question: {{{question}}}\n\nPassages:\n\n{{{passages}}}') as ChatPromptTemplate<AnswerPromptValues>;
}

/** The answer prompt's JSON shape, for servers that support structured output (json_schema). */
export const ANSWER_JSON_SCHEMA = {
  title: 'answer',
  description: 'A short answer whose sentences cite passages, and verbatim quotes from guest passages.',
  type: 'object',
  properties: {
    answered: { type: 'boolean', description: 'false when the passages do not answer the question' },
    sentences: {
      type: 'array',
      items: {
        type: 'object',
        properties: { text: { type: 'string' }, passage_ids: { type: 'array', items: { type: 'string' } } },
        required: ['text', 'passage_ids'],
        additionalProperties: false,
      },
    },
    quotes: {
      type: 'array',
      items: {
        type: 'object',
        properties: { passage_id: { type: 'string' }, text: { type: 'string' } },
        required: ['passage_id', 'text'],
        additionalProperties: false,
      },
    },
  },
  required: ['answered', 'sentences', 'quotes'],
  additionalProperties: false,
} as const;
