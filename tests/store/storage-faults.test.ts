import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StorageError } from '../../src/errors.ts';
import { setLogLevel } from '../../src/log.ts';
import { openStateStore } from '../../src/store/open-state.ts';
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

/** The error opening the SQLite state store in DATA_DIR `path` fails with (the path `serve` and the adapters take). */
async function openError(path: string): Promise<StorageError> {
  try {
    await (await openStateStore({ dataDir: path })).close();
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('openStateStore succeeded');
}

describe('storage faults stop start-up with a message naming DATA_DIR, the file and the fix', () => {
  it('a damaged SQLite file', async () => {
    const data = dataDir();
    writeFileSync(join(data, 'gomez.sqlite'), 'this is not a database, just some text that is long enough to look like a header');
    const error = await openError(data);
    expect(error.message).toContain(`DATA_DIR (${data})`);
    expect(error.message).toContain(join(data, 'gomez.sqlite'));
    expect(error.message).toMatch(/not a SQLite database or is damaged.*move the file aside/);
  });

  it('gomez.sqlite being a directory', async () => {
    const data = dataDir();
    mkdirSync(join(data, 'gomez.sqlite'));
    expect((await openError(data)).message).toMatch(/gomez\.sqlite is a directory.*remove or rename that directory/);
  });

  it('a DATA_DIR nothing can be written to', async () => {
    // Root ignores permission bits, so sysfs (where no file can be created) stands in for a read-only mount there.
    const unwritable = process.getuid?.() === 0 ? '/sys' : join(dataDir(), 'ro');
    if (process.getuid?.() !== 0) {
      mkdirSync(unwritable);
      chmodSync(unwritable, 0o500);
    }
    const error = await openError(unwritable);
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
