import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { CorpusError } from '../errors.ts';
import { FORMAT_BY_EXTENSION, FORMATS } from './formats/index.ts';
import { MetaFileSchema, parseRanges, type MetaFile } from './meta.ts';
import { attachTranslations } from './translations.ts';
import type { Corpus, Passage, Source, SourceMeta } from './types.ts';
import { ownEntry } from '../own-entry.ts';

const META_SUFFIX = '.meta.json';
const TRANSLATION_SUFFIX = '.en.jsonl';
/** A corpus folder's own documentation (README.md, SOURCES.md, LICENSE…) is not a transcript. */
const NOT_TRANSCRIPTS = /^(readme|sources|license|licence|notice|contributing|changelog)(\.\w+)?$/i;

/** Transcript files under dir (recursively), sorted for a stable order. */
function transcriptFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      if (name.endsWith(META_SUFFIX) || name.endsWith(TRANSLATION_SUFFIX) || NOT_TRANSCRIPTS.test(name)) continue;
      if (FORMAT_BY_EXTENSION[extname(name).toLowerCase()] !== undefined) out.push(path);
    }
  };
  walk(dir);
  return out;
}

function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Name the line of the first bad byte so the file can be fixed.
    const lossy = bytes.toString('utf8');
    const bad = lossy.indexOf('\uFFFD');
    const line = bad < 0 ? null : lossy.slice(0, bad).split('\n').length;
    throw new CorpusError(file, line, 'not valid UTF-8 text');
  }
}

/** Reads a corpus file's bytes; the loader passes one that also feeds the corpus hash. */
type ReadFile = (path: string) => Buffer;

function readMeta(path: string, file: string, read: ReadFile): MetaFile | null {
  if (!existsSync(path)) return null;
  let json: unknown;
  try {
    json = JSON.parse(read(path).toString('utf8'));
  } catch (error) {
    throw new CorpusError(file, null, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = MetaFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorpusError(file, null, `${issue?.path.join('.') || 'metadata'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Metadata for a transcript with no meta file: title from the file name, language English. */
function inferredMeta(stem: string): MetaFile {
  return MetaFileSchema.parse({ title: stem, url: 'https://example.invalid/' + encodeURIComponent(stem), language: 'en' });
}

/** Loads one transcript (with its meta and translation files) into a Source. */
export function loadSource(dir: string, path: string, read: ReadFile = (p) => readFileSync(p)): Source {
  const file = relative(dir, path);
  const ext = extname(path);
  const stem = basename(path, ext);
  const base = path.slice(0, -ext.length);
  const declared = readMeta(base + META_SUFFIX, file.slice(0, -ext.length) + META_SUFFIX, read);
  const metaFile = declared ?? inferredMeta(stem);
  const formatName = metaFile.format ?? ownEntry(FORMAT_BY_EXTENSION, ext.toLowerCase());
  const parser = formatName ? ownEntry(FORMATS, formatName) : undefined;
  if (!parser) throw new CorpusError(file, null, `unknown transcript format "${formatName ?? ext}"`);

  const text = decodeUtf8(read(path), file);
  const meta: SourceMeta = {
    id: metaFile.id ?? stem,
    title: metaFile.title,
    url: metaFile.url,
    ...(metaFile.sourceUrl ? { sourceUrl: metaFile.sourceUrl } : {}),
    ...(metaFile.sourceArticle ? { sourceArticle: metaFile.sourceArticle } : {}),
    ...(metaFile.publisher ? { publisher: metaFile.publisher } : {}),
    ...(metaFile.interviewLanguage ? { interviewLanguage: metaFile.interviewLanguage } : {}),
    ...(metaFile.date ? { date: metaFile.date } : {}),
    language: metaFile.language,
    host: metaFile.host,
    guest: metaFile.guest,
    format: formatName!,
    ...(Object.keys(metaFile.aliases).length > 0 ? { aliases: metaFile.aliases } : {}),
  };
  const parsed = parser(text, {
    file,
    meta,
    speakers: metaFile.speakers,
    speakerNames: metaFile.speakerNames,
    narrationLines: parseRanges(metaFile.narrationLines),
  });
  // Container formats (JSON) yield the transcript text their passages index; text formats index the file.
  const transcript = Array.isArray(parsed) ? { text, passages: parsed } : parsed;
  // An empty transcript (or one with nothing but markup) is a mistake, whatever its format: say so.
  if (transcript.passages.length === 0) {
    throw new CorpusError(file, null, 'the transcript has no text to quote (the file is empty, or holds only headers, markup or timings)');
  }
  const passages: Passage[] = transcript.passages.map((p, index) => ({ ...p, id: `${meta.id}#${index}`, sourceId: meta.id, index }));
  // A transcript without a meta file takes its title from its first heading, when it has one.
  const heading = declared ? undefined : passages.find((p) => p.role === 'heading');
  if (heading) meta.title = heading.text.replace(/[*_`\\]/g, '').trim() || meta.title;

  const translationPath = base + TRANSLATION_SUFFIX;
  if (existsSync(translationPath)) {
    attachTranslations(passages, decodeUtf8(read(translationPath), relative(dir, translationPath)), relative(dir, translationPath));
  }
  return { meta, path: file, text: transcript.text, passages };
}

/** Loads every transcript under dir. Any malformed file throws a CorpusError naming file and line. */
export function loadCorpus(dir: string): Corpus {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CorpusError(dir, null, 'the corpus directory does not exist');
  }
  // Every file the corpus is made of (names and bytes) feeds the hash as it is read, so equal hashes mean
  // an equal corpus and nothing is read twice.
  const hash = createHash('sha256');
  const read: ReadFile = (path) => {
    const bytes = readFileSync(path);
    hash.update(relative(dir, path) + '\u0000').update(bytes).update('\u0000');
    return bytes;
  };
  const sources = transcriptFiles(dir).map((path) => loadSource(dir, path, read));
  if (sources.length === 0) throw new CorpusError(dir, null, 'no transcript files found');
  const ids = new Set<string>();
  for (const s of sources) {
    if (ids.has(s.meta.id)) throw new CorpusError(s.path, null, `duplicate source id "${s.meta.id}"`);
    ids.add(s.meta.id);
  }
  return { dir, sources, passages: sources.flatMap((s) => s.passages), hash: hash.digest('hex') };
}
