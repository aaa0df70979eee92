import { describe, expect, it } from 'vitest';
import { toThirdPerson } from '../../src/answer/retell.ts';

describe('toThirdPerson', () => {
  it('retells the first person and agrees the verb', () => {
    expect(toThirdPerson('I think my data matters.')).toBe('He thinks his data matters.');
  });

  it('leaves words that name Object.prototype members as they are', () => {
    // A lookup table read with `[]` would find Object's own "constructor" here.
    expect(toThirdPerson('I think the constructor is fine and toString works.')).toBe('He thinks the constructor is fine and toString works.');
  });
});
