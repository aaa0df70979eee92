import type { GomezCore } from '../core.ts';
import { BOT_POLICY } from './policy.ts';
import type { HelpText } from './types.ts';

/**
 * Help with real example questions: the corpus's best-covered topics, asked about the guest, so a new
 * user's first question is one the bot can answer. Platforms add their own command lines when rendering.
 */
export function helpText(core: Pick<GomezCore, 'botName' | 'guestName' | 'topics'>, count: number = BOT_POLICY.helpExamples): HelpText {
  const surname = core.guestName.split(/\s+/).at(-1) ?? core.guestName;
  // Short topic phrases ("synthetic data") make natural questions; an editor's heading is a whole claim
  // ("Nothing can replace humans") and reads badly after "say about". Headings only fill a gap.
  const all = core.topics().filter((t) => t.length <= 60);
  const phrases = all.filter((t) => t.split(/\s+/).length <= 3 && !/[,.;:!?]/.test(t));
  const topics = [...phrases, ...all.filter((t) => !phrases.includes(t))].slice(0, count);
  return {
    botName: core.botName,
    guestName: core.guestName,
    intro: `I answer what ${core.guestName} said, with verbatim quotes from the interview transcripts and their sources. Ask in English or Chinese.`,
    examples: topics.map((topic) => `What did ${surname} say about ${topic}?`),
  };
}

/** Help as plain lines (console, notification fallbacks). */
export function helpLines(help: HelpText): string[] {
  return [help.intro, 'For example:', ...help.examples.map((e) => `  • ${e}`)];
}
