import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run', () => {
  it('keeps state out of the checkout: DATA_DIR is a temporary folder', () => {
    expect(process.env.DATA_DIR).toBeTruthy();
    expect(resolve(process.env.DATA_DIR!).startsWith(resolve(tmpdir()))).toBe(true);
  });
});
