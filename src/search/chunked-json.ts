/**
 * A JSON value saved as JSON lines, so an index larger than one JavaScript string (about 512 MB) can be
 * written and read back, and so a damaged file is detected instead of trusted:
 *
 *   line 1      envelope: format, and the sha256, byte length and line count of everything after it
 *   line 2      the value with every long array (anywhere in it) replaced by { "$chunks": n }
 *   lines 3..   { "path": [key, …], "items": [...] } — the long arrays' items, a few megabytes a line
 *
 * Writes go to a temporary file that is renamed into place, so a reader never sees half a file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** Arrays at least this long, or serialising to at least LINE_CHARS, are moved out of the header. */
const MIN_CHUNKED = 1000;
const LINE_CHARS = 4 * 1024 * 1024;
const FORMAT = 'gomez-chunked-json/1';

type Json = unknown;
type Path = string[];

const Header = z.object({
  format: z.literal(FORMAT),
  bodyBytes: z.number().int().nonnegative(),
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
  lines: z.number().int().nonnegative(),
});

const Line = z.object({
  path: z.array(z.string()),
  items: z.array(z.unknown()),
});

/** The saved file cannot be used: missing, truncated, damaged or of another format. */
export class DamagedFileError extends Error {}

interface ChunkRef {
  $chunks: number;
}

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replaces long arrays (anywhere in the value) by chunk references; returns the body lines holding their items. */
function split(value: Json): { skeleton: Json; lines: string[] } {
  const lines: string[] = [];
  const cut = (array: Json[], path: Path): ChunkRef => {
    const prefix = `{"path":${JSON.stringify(path)},"items":[`;
    let n = 0;
    let items: string[] = [];
    let size = 0;
    const flush = () => {
      lines.push(prefix + items.join(',') + ']}\n');
      items = [];
      size = 0;
      n++;
    };
    for (const item of array) {
      const json = JSON.stringify(item) ?? 'null';
      items.push(json);
      size += json.length + 1;
      if (size >= LINE_CHARS) flush();
    }
    if (items.length > 0 || n === 0) flush();
    return { $chunks: n };
  };
  const long = (array: Json[]): boolean =>
    array.length >= MIN_CHUNKED || array.some((c) => typeof c === 'string' && c.length >= LINE_CHARS / 4);
  const walk = (node: Json, path: Path): Json => {
    if (Array.isArray(node)) return long(node) ? cut(node, path) : node.map((child, i) => walk(child, [...path, String(i)]));
    if (isRecord(node)) return Object.fromEntries(Object.entries(node).map(([k, child]) => [k, walk(child, [...path, k])]));
    return node;
  };
  return { skeleton: walk(value, []), lines };
}

/** Writes `value` (a JSON object) to `path` atomically. */
export function writeChunkedJson(path: string, value: object): void {
  const { skeleton, lines } = split(value);
  const body: Buffer[] = [Buffer.from(JSON.stringify(skeleton) + '\n'), ...lines.map((line) => Buffer.from(line))];
  const hash = createHash('sha256');
  let bodyBytes = 0;
  for (const b of body) {
    hash.update(b);
    bodyBytes += b.length;
  }
  const header = { format: FORMAT, bodyBytes, bodySha256: hash.digest('hex'), lines: body.length };

  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(header) + '\n');
    for (const b of body) writeSync(fd, b);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
}

/** Reads a file written by writeChunkedJson; any damage throws DamagedFileError. */
export function readChunkedJson(path: string): Record<string, Json> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DamagedFileError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const firstNewline = bytes.indexOf(0x0a);
  if (firstNewline < 0) throw new DamagedFileError('no header line');
  const header = Header.safeParse(parseJson(bytes.subarray(0, firstNewline)));
  if (!header.success) throw new DamagedFileError('the header is not a chunked-JSON header');
  const bodyStart = firstNewline + 1;
  if (bytes.length - bodyStart !== header.data.bodyBytes) throw new DamagedFileError('the file is truncated or has extra bytes');
  const body = bytes.subarray(bodyStart);
  if (createHash('sha256').update(body).digest('hex') !== header.data.bodySha256) throw new DamagedFileError('checksum mismatch');

  const skeletonEnd = body.indexOf(0x0a);
  if (skeletonEnd < 0) throw new DamagedFileError('no value line');
  const skeleton = parseJson(body.subarray(0, skeletonEnd));
  const collected = new Map<string, Json[]>();
  let start = skeletonEnd + 1;
  let count = 1;
  while (start < body.length) {
    const end = body.indexOf(0x0a, start);
    if (end < 0) throw new DamagedFileError('the last line is not terminated');
    const line = Line.safeParse(parseJson(body.subarray(start, end)));
    if (!line.success) throw new DamagedFileError(`line ${count + 2} is not a chunk`);
    const key = line.data.path.join('\u0000');
    const items = collected.get(key);
    if (items) for (const item of line.data.items) items.push(item);
    else collected.set(key, line.data.items.slice());
    start = end + 1;
    count++;
  }
  if (count !== header.data.lines) throw new DamagedFileError('line count mismatch');

  const fill = (node: Json, path: Path): Json => {
    if (Array.isArray(node)) return node.map((child, i) => fill(child, [...path, String(i)]));
    if (!isRecord(node)) return node;
    if (typeof node.$chunks === 'number' && Object.keys(node).length === 1) {
      const items = collected.get(path.join('\u0000'));
      if (!items) throw new DamagedFileError(`missing chunks for ${path.join('.')}`);
      return items;
    }
    return Object.fromEntries(Object.entries(node).map(([k, child]) => [k, fill(child, [...path, k])]));
  };
  const value = fill(skeleton, []);
  if (!isRecord(value)) throw new DamagedFileError('the saved value is not an object');
  return value;
}

function parseJson(bytes: Buffer): Json {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new DamagedFileError('a line is not valid JSON');
  }
}
