import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { setLogLevel } from '../../src/log.ts';
import { viewerPage } from '../../src/web/viewer-page.ts';
import { runCli } from '../adapters/cli/helpers.ts';
import { REPO_CORPUS, removeFixtures, writeCorpus } from '../corpus/fixtures.ts';
import { elementById, startWeb, textOf } from './helpers.ts';

afterEach(removeFixtures);

describe('quote links into the transcript viewer (gomez ask --json with PUBLIC_URL)', () => {
  let web: Awaited<ReturnType<typeof startWeb>>;
  let dataDir: string;
  beforeAll(async () => {
    setLogLevel('silent');
    web = await startWeb(REPO_CORPUS);
    dataDir = mkdtempSync(join(tmpdir(), 'gomez-viewer-'));
  });
  afterAll(async () => {
    await web.server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ask = async (question: string, env: Record<string, string> = { PUBLIC_URL: web.base }) => {
    const run = await runCli(['ask', question, '--json', '--corpus', REPO_CORPUS], { DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };

  for (const question of ['What did Gomez say about synthetic data?', 'Gomez怎么看数据质量?', 'Does he think scale is the only way to better models?']) {
    it(`every quote of "${question}" links to an element holding exactly its text`, async () => {
      const answer = await ask(question);
      expect(answer.quotes.length).toBeGreaterThan(0);
      for (const quote of answer.quotes) {
        const link = new URL(quote.source.link);
        expect(link.origin).toBe(web.base);
        // The media link stays as it was; the viewer link is beside it.
        expect(quote.source.url).toBe('https://www.youtube.com/watch?v=FUGosOgiTeI');
        const res = await fetch(link);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/html');
        const html = await res.text();
        const target = elementById(html, link.hash.slice(1));
        expect(target).not.toBeNull();
        expect(textOf(target!.inner)).toBe(quote.text);
      }
    });
  }

  it('leaves links out when PUBLIC_URL is unset, and names the source article either way', async () => {
    const answer = await ask('What did Gomez say about synthetic data?', {});
    for (const quote of answer.quotes) {
      expect(quote.source.link).toBeUndefined();
      expect(quote.source.article).toBe('量子位 (QbitAI), 《Transformer作者预警:只卖模型玩不过OpenAI!》');
    }
  });

  it('frames the source truly: a Chinese article reporting an English interview, the English a translation of it', async () => {
    const en = await ask('What did Gomez say about synthetic data?', {});
    expect(en.answer).not.toContain('The interview is in Chinese');
    expect(en.answer).toContain('量子位 (QbitAI), 《Transformer作者预警:只卖模型玩不过OpenAI!》, a Chinese article reporting the English-language interview');
    expect(en.answer).toContain("the English under each is the team's translation of that Chinese, not Aidan Gomez's own words");
    const zh = await ask('Gomez怎么看数据质量?', {});
    expect(zh.answer).toContain('引文出自量子位 (QbitAI), 《Transformer作者预警:只卖模型玩不过OpenAI!》');
    expect(zh.answer).toContain('并非Aidan Gomez本人的原话');
    expect(zh.answer).not.toContain('的原话。以下');
  });

  it('puts the framing, the article name and the media link in the viewer header; headings and narration are marked', async () => {
    const html = await (await fetch(`${web.base}/transcripts/20vc-aidan-gomez`)).text();
    expect(html).toContain('This is an article by 量子位 (QbitAI) reporting the English-language interview, not a transcript of it.');
    expect(html).toContain('《Transformer作者预警:只卖模型玩不过OpenAI!》');
    expect(html).toContain('href="https://www.youtube.com/watch?v=FUGosOgiTeI"');
    expect(html.match(/Editors' heading \(not speech\)/g)?.length).toBe(6);
    expect(html).toContain('Article narration (not speech)');
    expect(html).toMatch(/<main id="main"/);
    // Nothing is loaded from anywhere else: one same-origin stylesheet, no scripts.
    expect(html).not.toMatch(/<script|src="http|href="\/\//);
    expect(html.match(/<link [^>]*>/g)).toEqual(['<link rel="stylesheet" href="../web/viewer.css">']);
  });

  it('answers 404 for an unknown source and ignores a highlight outside the text', async () => {
    expect((await fetch(`${web.base}/transcripts/no-such-source`)).status).toBe(404);
    const res = await fetch(`${web.base}/transcripts/20vc-aidan-gomez?q=999999-1000000`);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('<mark');
  });
});

describe('the viewer escapes everything from the corpus', () => {
  const EPISODE = `# Show <script>alert("title")</script>

**Host <b>Name</b>:** \\[00:10\\] What about <script>alert(1)</script> & friends?

**Guest:** \\[01:05\\] I said <img src=x onerror=alert(2)> "hello" & 'bye'. Second <i>sentence</i> here.
`;
  const META = {
    title: 'Show <script>alert("meta")</script>',
    url: 'https://www.youtube.com/watch?v=abc123',
    language: 'en',
    host: 'Host <b>Name</b>',
    guest: 'Guest',
    speakers: { 'Host <b>Name</b>': 'host', Guest: 'guest' },
  };

  it('shows <script> and other markup in titles, names and text as text, highlight included', () => {
    const source = loadCorpus(writeCorpus({ 'ep.md': EPISODE, 'ep.meta.json': META })).sources[0]!;
    const guest = source.passages.find((p) => p.role === 'guest')!;
    const sentence = guest.sentences[0]!;
    const html = viewerPage(source, { start: sentence.start, end: sentence.end });
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain('Show &lt;script&gt;alert(&quot;meta&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends?');
    expect(html).toContain('Host &lt;b&gt;Name&lt;/b&gt;');
    const mark = elementById(html, `q${sentence.start}-${sentence.end}`);
    expect(textOf(mark!.inner)).toBe(sentence.text);
    expect(sentence.text).toContain('<img src=x onerror=alert(2)>');
  });

  it('links each timed sentence to the media at its time, without adding text to the quote', () => {
    const source = loadCorpus(writeCorpus({ 'ep.md': EPISODE, 'ep.meta.json': META })).sources[0]!;
    const html = viewerPage(source, null);
    expect(html).toContain('href="https://www.youtube.com/watch?v=abc123&amp;t=65s" data-time="1:05" aria-label="Play from 1:05"></a>');
    expect(html).toContain('t=10s');
  });

  it('never turns a corpus URL that is not http(s) into a link', () => {
    const source = loadCorpus(writeCorpus({ 'ep.md': EPISODE, 'ep.meta.json': { ...META, url: 'javascript:alert(3)' } })).sources[0]!;
    expect(viewerPage(source, null)).not.toContain('javascript:');
  });
});
