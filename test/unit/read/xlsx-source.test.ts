/** Random access to a file's bytes, as the CLI gives the .xlsx reader (`fileSource(...).openRandom`). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSource } from '../../../src/cli/io.js';
import { bufferSource, SourceUnreadable } from '../../../src/read/source.js';

const dir = mkdtempSync(join(tmpdir(), 'esf-random-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('random access to a source', () => {
  const bytes = new Uint8Array(1000).map((_, i) => i % 251);

  it('reads a file by offset, a read past the end gives what there is, and progress hears half the bytes read (the sheet is read twice), never past the end', async () => {
    const path = join(dir, 'a.bin');
    writeFileSync(path, bytes);
    const heard: number[] = [];
    const file = await fileSource(path, (n) => heard.push(n)).openRandom!();
    expect(file.size).toBe(1000);
    expect([...(await file.read(990, 5))]).toEqual([...bytes.subarray(990, 995)]);
    expect([...(await file.read(998, 10))]).toEqual([...bytes.subarray(998)]);
    expect((await file.read(2000, 10)).length).toBe(0);
    await file.read(0, 10);
    expect(heard).toEqual([2, 3, 8]);
    for (let i = 0; i < 300; i++) await file.read(0, 10);
    expect(heard.at(-1)).toBe(1000);
    await file.close();
  });

  it('gives the same bytes for a buffer', async () => {
    const mem = await bufferSource('m', bytes).openRandom!();
    expect([...(await mem.read(998, 10))]).toEqual([...bytes.subarray(998)]);
    expect(mem.size).toBe(1000);
  });

  it('a file that cannot be opened is SourceUnreadable', async () => {
    await expect(fileSource(join(dir, 'missing.xlsx')).openRandom!()).rejects.toBeInstanceOf(SourceUnreadable);
  });
});
