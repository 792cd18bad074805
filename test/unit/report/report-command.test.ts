import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultReportFileName, generationTime, sha256File } from '../../../src/cli/commands/report.js';
import { writeFileSafely } from '../../../src/cli/write-file.js';
import { UsageError } from '../../../src/cli/errors.js';

describe('report command helpers', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'esf-report-unit-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('default file name: project id and period label, safe for any file system', () => {
    expect(defaultReportFileName('23-073-S10', '2026-Q3')).toBe('esf-report-23-073-S10-2026-Q3.xlsx');
    expect(defaultReportFileName('23/073 S10', '2025-01-01..2025-03-31')).toBe('esf-report-23_073_S10-2025-01-01..2025-03-31.xlsx');
  });

  it('generation time: midnight UTC of ESF_REPORT_TODAY when set, else the clock', () => {
    const now = () => new Date('2026-11-25T13:14:15.000Z');
    expect(generationTime('2026-11-25', { ESF_REPORT_TODAY: '2026-11-25' }, now)).toBe('2026-11-25T00:00:00.000Z');
    expect(generationTime('2026-11-25', {}, now)).toBe('2026-11-25T13:14:15.000Z');
  });

  it('SHA-256 of the file bytes', async () => {
    const file = join(dir, 'a.csv');
    const bytes = Buffer.from('participant_id\nP-1\n', 'utf8');
    await writeFile(file, bytes);
    expect(await sha256File(file)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('writes through a temporary file and leaves nothing else behind', async () => {
    const out = join(dir, 'r.xlsx');
    await writeFileSafely(out, Buffer.from('one'), false);
    expect(await readFile(out, 'utf8')).toBe('one');
    expect(await readdir(dir)).toEqual(['r.xlsx']);
  });

  it('never overwrites without force (usage error), replaces with force', async () => {
    const out = join(dir, 'r.xlsx');
    await writeFile(out, 'old');
    await expect(writeFileSafely(out, Buffer.from('new'), false)).rejects.toBeInstanceOf(UsageError);
    expect(await readFile(out, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['r.xlsx']);
    await writeFileSafely(out, Buffer.from('new'), true);
    expect(await readFile(out, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['r.xlsx']);
  });

  it('a directory that does not exist is a usage error, not a crash', async () => {
    await expect(writeFileSafely(join(dir, 'missing', 'r.xlsx'), Buffer.from('x'), false)).rejects.toBeInstanceOf(UsageError);
  });
});
