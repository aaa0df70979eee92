import { describe, expect, it } from 'vitest';
import { languageName } from '../../src/llm/language.ts';
import { fillTemplate } from '../../src/llm/prompts.ts';

// Tables keyed by outside text (a meta file, a prompt file) read own keys only: "constructor" is no entry.
describe('own keys only', () => {
  it('names a language it knows, and leaves any other code as written', () => {
    expect(languageName('zh')).toBe('Chinese (Simplified)');
    expect(languageName('constructor')).toBe('constructor');
  });

  it('leaves an unknown placeholder visible, also one named like an Object member', () => {
    expect(fillTemplate('Hi {{guest}} {{constructor}} {{nope}}', { guest: 'Aidan' })).toBe('Hi Aidan {{constructor}} {{nope}}');
  });
});
