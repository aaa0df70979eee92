import { StorageError } from '../errors.ts';

/** The SQLite or file-system error code of a failed open, if it has one. */
function codeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

/**
 * Explains why the store file could not be opened, naming DATA_DIR, the file and the fix. Users of a
 * container see this at start-up, so it says what to change rather than what the library said.
 */
export function storageOpenError(error: unknown, dataDir: string, file: string, isDirectory: boolean): StorageError {
  const code = codeOf(error);
  const where = `DATA_DIR (${dataDir})`;
  let problem: string;
  let fix: string;
  if (isDirectory || code === 'EISDIR') {
    problem = `${file} is a directory, not the SQLite store file`;
    fix = 'remove or rename that directory so the bot can create the file, or point DATA_DIR elsewhere';
  } else if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    problem = `${file} is not a SQLite database or is damaged`;
    fix = 'move the file aside (a fresh store is created on the next start; feedback, dedupe records and digest subscriptions start empty) or restore it from a backup';
  } else if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || ['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR'].includes(code)) {
    problem = `${file} cannot be created or written`;
    fix = 'make DATA_DIR an existing directory this user can write to (in Docker, mount a writable volume at /data), or point DATA_DIR elsewhere';
  } else {
    problem = `${file} could not be opened (${code || (error instanceof Error ? error.message : String(error))})`;
    fix = 'check the file and the directory, or point DATA_DIR elsewhere';
  }
  return new StorageError(`The state store in ${where} cannot be used: ${problem}. To fix it: ${fix}.`, { cause: error });
}
