import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('process guards', () => {
  it('log an unhandled rejection and an uncaught exception, and the process keeps running', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/process/guard-script.ts'], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'info' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('still alive');
    const lines = stderr.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.msg.startsWith('unhandled promise rejection'))).toMatchObject({ level: 'error', error: { message: 'rejected with no handler' } });
    expect(lines.find((l) => l.msg.startsWith('uncaught exception'))).toMatchObject({ level: 'error', error: { message: 'thrown in a timer' } });
  });
});
