import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberIndex, StringIndex } from '../../src/core/compact-index.js';

describe('compact indexes behave like Maps', () => {
  it('StringIndex: find/add/value/key over random strings, through several rehashes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12, unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)) }), { maxLength: 3000 }), (keys) => {
        const index = new StringIndex();
        const map = new Map<string, number>();
        keys.forEach((k, i) => {
          const ord = index.find(k);
          expect(ord !== -1).toBe(map.has(k));
          if (ord === -1) {
            const added = index.add(k, i);
            map.set(k, i);
            expect(index.key(added)).toBe(k);
          } else {
            expect(index.value(ord)).toBe(map.get(k));
          }
        });
        expect(index.size).toBe(map.size);
      }),
      { numRuns: 50 },
    );
  });

  it('StringIndex refuses keys it cannot store exactly', () => {
    expect(() => new StringIndex().add('P-\u0100', 1)).toThrow(RangeError);
  });

  it('NumberIndex: get/set over 12-digit keys', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 190000000000, max: 209912319999 }), { maxLength: 5000 }), (keys) => {
        const index = new NumberIndex();
        const map = new Map<number, number>();
        keys.forEach((k, i) => {
          expect(index.get(k)).toBe(map.get(k));
          index.set(k, i);
          map.set(k, i);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('NumberIndex: the key 0 and small keys, through several rehashes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20000 }), { maxLength: 8000 }), (keys) => {
        const index = new NumberIndex();
        const map = new Map<number, number>();
        keys.forEach((k, i) => {
          expect(index.get(k)).toBe(map.get(k));
          index.set(k, i);
          map.set(k, i);
        });
        for (const [k, v] of map) expect(index.get(k)).toBe(v);
      }),
      { numRuns: 30 },
    );
    expect(() => new NumberIndex().set(-1, 0)).toThrow(RangeError);
  });
});
