import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.ts';
import { fillTemplate, PROMPTS_DIR } from '../llm/prompts.ts';

/** Every template the extractive answerer uses; a missing one stops start-up. */
const REQUIRED = [
  'lead.en', 'lead.en.many', 'framing.en.write-up', 'framing.en.translated', 'framing.zh.write-up', 'about.en.topic', 'about.en.none', 'lead.zh', 'lead.zh.many',
  'about.zh.topic', 'about.zh.none', 'refusal.en', 'refusal.en.none', 'refusal.zh', 'refusal.zh.none',
  'empty.en', 'empty.zh', 'more.none.en', 'more.none.zh', 'quotes.en', 'quotes.zh',
] as const;

export type TemplateName = (typeof REQUIRED)[number];

/** The extractive answer's wording, from prompts/extractive.md (`## name` sections with `{{placeholders}}`). */
export class Templates {
  private constructor(private readonly sections: Map<string, string>) {}

  static parse(markdown: string, file = 'prompts/extractive.md'): Templates {
    const sections = new Map<string, string>();
    let name: string | null = null;
    let body: string[] = [];
    const flush = () => {
      if (name !== null) sections.set(name, body.join('\n').trim());
    };
    for (const line of markdown.split(/\r?\n/)) {
      const m = /^##\s+(\S+)\s*$/.exec(line);
      if (m) {
        flush();
        name = m[1]!;
        body = [];
      } else if (name !== null) {
        body.push(line);
      }
    }
    flush();
    for (const required of REQUIRED) {
      if (!sections.get(required)) throw new ConfigError(`${file} has no "## ${required}" template.`);
    }
    return new Templates(sections);
  }

  static load(dir: string = PROMPTS_DIR): Templates {
    const file = join(dir, 'extractive.md');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`Prompt file prompts/extractive.md is missing or unreadable (${(error as Error).message}).`);
    }
    return Templates.parse(text);
  }

  /** The named template with `{{key}}` replaced; an unknown placeholder stays visible so tests catch it. */
  render(name: TemplateName, values: Record<string, string>): string {
    const template = this.sections.get(name)!;
    return fillTemplate(template, values);
  }
}
