import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

describe('gomez with a command it does not have', () => {
  it('is a usage error naming the command, also for names of Object members', async () => {
    for (const name of ['nope', 'constructor', 'toString', '__proto__']) {
      const { code, stderr } = await runCli([name]);
      expect(code, name).toBe(2);
      expect(stderr).toContain(`unknown command "${name}"`);
    }
  });
});
