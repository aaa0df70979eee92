import { z } from 'zod';
import { CorpusError } from '../errors.ts';
import type { Passage } from './types.ts';

/** One line of `<name>.en.jsonl`: the exact source sentence (and its line) with its English rendering. */
const TranslationLine = z.object({
  line: z.number().int().positive(),
  text: z.string().min(1),
  en: z.string().min(1),
  /** Optional English search terms for the sentence (guest sentences only): matched, never shown. */
  terms: z.string().trim().min(1).max(200).optional(),
  /** Optional Chinese search terms for the sentence (guest sentences only), the same rules as `terms`. */
  terms_zh: z.string().trim().min(1).max(200).optional(),
});

/** Roles whose sentences may carry search terms: the quotable speakers, never the host or a heading. */
const TERMED_ROLES = new Set(['guest', 'other']);

/**
 * Attaches team-written translations to host and guest sentences, and to editors' headings. Every host and
 * guest sentence must have one (headings may, so a reader can see what a section is about) and every
 * translation must match a sentence, so a stale or partial translation file stops start-up.
 */
export function attachTranslations(passages: Passage[], fileText: string, file: string): void {
  const byKey = new Map<string, { en: string; terms?: string; termsZh?: string; lineNo: number; used: boolean }>();
  // A BOM left by an editor is not part of the first JSON line.
  const rows = fileText.replace(/^\uFEFF/, '').split(/\r?\n/);
  rows.forEach((row, i) => {
    if (row.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(row);
    } catch {
      throw new CorpusError(file, i + 1, 'not valid JSON');
    }
    const parsed = TranslationLine.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CorpusError(file, i + 1, `${issue?.path.join('.') || 'line'}: ${issue?.message}`);
    }
    const key = `${parsed.data.line}\u0000${parsed.data.text}`;
    if (byKey.has(key)) throw new CorpusError(file, i + 1, 'the same sentence is translated twice');
    const { en, terms, terms_zh: termsZh } = parsed.data;
    byKey.set(key, {
      en,
      ...(terms !== undefined ? { terms } : {}),
      ...(termsZh !== undefined ? { termsZh } : {}),
      lineNo: i + 1,
      used: false,
    });
  });

  for (const passage of passages) {
    const required = passage.role === 'host' || passage.role === 'guest';
    if (!required && passage.role !== 'heading') continue;
    for (const sentence of passage.sentences) {
      const entry = byKey.get(`${passage.line}\u0000${sentence.text}`);
      if (!entry && !required) continue;
      if (!entry) {
        throw new CorpusError(file, null, `no translation for the sentence on source line ${passage.line}: "${sentence.text}"`);
      }
      entry.used = true;
      sentence.translation = entry.en;
      if (entry.terms !== undefined || entry.termsZh !== undefined) {
        // Terms on a host question would pull the answer's neighbours in for the wrong reasons.
        if (!TERMED_ROLES.has(passage.role)) {
          throw new CorpusError(file, entry.lineNo, `search terms belong on the guest's sentences, not on a ${passage.role} sentence`);
        }
        if (entry.terms !== undefined) sentence.terms = entry.terms;
        if (entry.termsZh !== undefined) sentence.termsZh = entry.termsZh;
      }
    }
  }
  for (const entry of byKey.values()) {
    if (!entry.used) {
      throw new CorpusError(file, entry.lineNo, 'this translation matches no host, guest or heading sentence of the source');
    }
  }
}
