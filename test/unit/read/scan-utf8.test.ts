import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanUtf8 } from '../../../src/read/encoding.js';
import { bufferSource } from '../../../src/read/source.js';

const scan = (bytes: Uint8Array, chunk: number) => scanUtf8(bufferSource('x.csv', bytes, chunk).open());

describe('scanUtf8', () => {
  it('accepts UTF-8 whose multi-byte characters are cut by every chunk size', async () => {
    const bytes = new TextEncoder().encode('åäö,€,𝄞,ÅÄÖ\nx,y,é,z\n');
    for (let chunk = 1; chunk <= bytes.length; chunk++) expect(await scan(bytes, chunk)).toBe('valid');
  });

  it('tells Windows-1252, a truncated last character and NUL bytes apart', async () => {
    expect(await scan(Uint8Array.from([0x61, 0xe5, 0x2c, 0x62]), 2)).toBe('invalid'); // "å" in Windows-1252
    expect(await scan(Uint8Array.from([0x61, 0xe2, 0x82]), 1)).toBe('invalid'); // € cut off at the end
    expect(await scan(Uint8Array.from([0x61, 0x00, 0x62]), 64)).toBe('binary');
    // a byte that can begin no character is judged where it stands, not carried to the next chunk
    expect(await scan(Uint8Array.from([0xf5, 0x00]), 1)).toBe('invalid');
    expect(await scan(Uint8Array.from([0xe0, 0x80, 0x00]), 2)).toBe('invalid');
  });

  it('agrees with a streaming fatal TextDecoder on any bytes and any chunk size', async () => {
    /** The reference: each chunk checked for NUL, then decoded; the first problem decides. */
    const reference = (bytes: Uint8Array, chunk: number): string => {
      const dec = new TextDecoder('utf-8', { fatal: true });
      try {
        for (let i = 0; i < bytes.length; i += chunk) {
          const part = bytes.subarray(i, i + chunk);
          if (part.includes(0)) return 'binary';
          dec.decode(part, { stream: true });
        }
        dec.decode();
        return 'valid';
      } catch {
        return 'invalid';
      }
    };
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 40 }), fc.integer({ min: 1, max: 9 }), async (bytes, chunk) => {
        expect(await scan(bytes, chunk)).toBe(reference(bytes, chunk));
      }),
      { numRuns: 5000 },
    );
  });
});
