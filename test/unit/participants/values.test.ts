import { describe, expect, it } from 'vitest';
import { GENDER_VOCAB, parseEnum } from '../../../src/participants/values.js';

describe('parseEnum', () => {
  it('reads every accepted spelling, and no other, however often a spelling repeats', () => {
    for (let round = 0; round < 3; round++) {
      expect(parseEnum(GENDER_VOCAB, 'woman')).toBe('woman');
      expect(parseEnum(GENDER_VOCAB, 'Kvinna')).toBe('woman');
      expect(parseEnum(GENDER_VOCAB, ' M ')).toBe('man');
      expect(parseEnum(GENDER_VOCAB, 'kvinnan')).toBeUndefined();
    }
  });

  it('remembers accepted spellings only: a file of wrong values cannot fill the list for the files after it', () => {
    const before = GENDER_VOCAB.seen.length;
    for (let i = 0; i < 100; i++) expect(parseEnum(GENDER_VOCAB, `wrong ${i}`)).toBeUndefined();
    expect(GENDER_VOCAB.seen.length).toBe(before);
    expect(GENDER_VOCAB.seen.every((s, i) => parseEnum(GENDER_VOCAB, s) === GENDER_VOCAB.seenValue[i])).toBe(true);
    // a new accepted spelling is still learned
    expect(parseEnum(GENDER_VOCAB, 'KVINNA')).toBe('woman');
    expect(GENDER_VOCAB.seen).toContain('KVINNA');
  });
});
