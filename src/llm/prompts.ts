import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.ts';
import { ownEntry } from '../own-entry.ts';

/** The repository's prompts/ folder (prompts ship beside src/, loaded once at start). */
export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

/** The prompt files model mode uses, read once when the core starts. */
export interface ModelPrompts {
  persona: string;
  answer: string;
  condense: string;
  translateQuery: string;
}

function readPrompt(dir: string, name: string): string {
  try {
    return readFileSync(join(dir, name), 'utf8').trim();
  } catch (error) {
    throw new ConfigError(`Prompt file prompts/${name} is missing or unreadable (${(error as Error).message}).`);
  }
}

export function loadModelPrompts(dir: string = PROMPTS_DIR): ModelPrompts {
  return {
    persona: readPrompt(dir, 'persona.md'),
    answer: readPrompt(dir, 'answer.md'),
    condense: readPrompt(dir, 'condense.md'),
    translateQuery: readPrompt(dir, 'translate-query.md'),
  };
}

/** Replaces `{{name}}` placeholders; an unknown placeholder is left visible so a typo shows in tests. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => ownEntry(values, key) ?? whole);
}
