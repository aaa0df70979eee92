import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StorageError } from '../../src/errors.ts';
import { setLogLevel } from '../../src/log.ts';
import { Store } from '../../src/store/store.ts';
import { runCli } from '../adapters/cli/helpers.ts';

let dir = '';
beforeAll(() => setLogLevel('silent'));
afterEach(() => {
  if (dir) {
    if (existsSync(join(dir, 'ro'))) chmodSync(join(dir, 'ro'), 0o755);
    rmSync(dir, { recursive: true, force: true });
    dir = '';
  }
});

function dataDir(): string {
  dir = mkdtempSync(join(tmpdir(), 'gomez-store-fault-'));
  return dir;
}

function openError(path: string): StorageError {
  try {
    Store.open(path).close();
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('Store.open succeeded');
}

describe('storage faults stop start-up with a message naming DATA_DIR, the file and the fix', () => {
  it('a damaged SQLite file', () => {
    const data = dataDir();
    writeFileSync(join(data, 'gomez.sqlite'), 'this is not a database, just some text that is long enough to look like a header');
    const error = openError(data);
    expect(error.message).toContain(`DATA_DIR (${data})`);
    expect(error.message).toContain(join(data, 'gomez.sqlite'));
    expect(error.message).toMatch(/not a SQLite database or is damaged.*move the file aside/);
  });

  it('gomez.sqlite being a directory', () => {
    const data = dataDir();
    mkdirSync(join(data, 'gomez.sqlite'));
    expect(openError(data).message).toMatch(/gomez\.sqlite is a directory.*remove or rename that directory/);
  });

  it('a DATA_DIR nothing can be written to', () => {
    // Root ignores permission bits, so sysfs (where no file can be created) stands in for a read-only mount there.
    const unwritable = process.getuid?.() === 0 ? '/sys' : join(dataDir(), 'ro');
    if (process.getuid?.() !== 0) {
      mkdirSync(unwritable);
      chmodSync(unwritable, 0o500);
    }
    const error = openError(unwritable);
    expect(error.message).toContain(`DATA_DIR (${unwritable})`);
    expect(error.message).toMatch(/cannot be created or written.*writable/);
  });

  it('the CLI prints that message (not the generic apology) and exits 1', async () => {
    const data = dataDir();
    writeFileSync(join(data, 'gomez.sqlite'), 'garbage '.repeat(20));
    const { code, stderr } = await runCli(['slack'], { DATA_DIR: data, SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's', PORT: '0', LOG_LEVEL: 'silent' });
    expect(code).toBe(1);
    expect(stderr).toContain('DATA_DIR');
    expect(stderr).toContain('gomez.sqlite');
    expect(stderr).not.toMatch(/something went wrong/i);
  });
});
