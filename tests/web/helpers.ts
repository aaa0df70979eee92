import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import type { StateStore } from '../../src/store/state.ts';
import { createWebHandler } from '../../src/web/routes.ts';
import { startWebServer, type RunningWebServer } from '../../src/web/web-server.ts';

/** The web surface over a corpus on 127.0.0.1 (random port), as `serve` runs it. */
export async function startWeb(corpusDir: string, options: { insightsToken?: string; store?: StateStore } = {}): Promise<{ corpus: Corpus; server: RunningWebServer; base: string }> {
  const corpus = loadCorpus(corpusDir);
  const server = await startWebServer(createWebHandler({ corpus, ...options }), 0, '127.0.0.1');
  return { corpus, server, base: `http://127.0.0.1:${server.port}` };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The text content of an HTML fragment: tags dropped, the five entities the pages use decoded. */
export function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

/** The inner HTML of the element with this id (the pages never nest an element in one of its own kind). */
export function elementById(html: string, id: string): { tag: string; inner: string } | null {
  const open = new RegExp(`<(\\w+)[^>]*\\sid="${id}"[^>]*>`).exec(html);
  if (!open) return null;
  const tag = open[1]!;
  const from = open.index + open[0].length;
  const close = html.indexOf(`</${tag}>`, from);
  return close < 0 ? null : { tag, inner: html.slice(from, close) };
}
