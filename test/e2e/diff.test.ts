import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PERSONNUMMER_SHAPE, ROOT, runBin } from '../helpers/run-bin.js';

/** A later version of the bundled export: one participant removed, one corrected, one added. */
function laterExport(dir: string): string {
  const lines = readFileSync(`${ROOT}fixtures/participants.csv`, 'utf8').trimEnd().split('\n');
  const header = lines[0]!.split(',');
  const col = (name: string) => header.indexOf(name);
  const out = [lines[0]!];
  const clearPersonnummer = (f: string[]) => {
    const p = f[col('personnummer')]!;
    if (p && !f[col('birth_date')]) f[col('birth_date')] = `${p.slice(0, 4)}-${p.slice(4, 6)}-${p.slice(6, 8)}`;
    f[col('personnummer')] = '';
  };
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    if (f[0] === 'P-0005') continue; // removed
    if (f[0] === 'P-0010') f[col('isced')] = f[col('isced')] === '5' ? '6' : '5'; // corrected, not an SCB field
    if (f[0] === 'P-0020') clearPersonnummer(f); // personnummer cleared
    out.push(f.join(','));
  }
  const added = lines.at(-1)!.split(',');
  added[0] = 'P-0999';
  clearPersonnummer(added);
  out.push(added.join(','));
  const file = join(dir, 'participants-later.csv');
  writeFileSync(file, `${out.join('\n')}\n`);
  return file;
}

describe('esf-report diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esf-diff-'));
  const later = laterExport(dir);

  it('lists the expected changes and SCB months, in JSON', async () => {
    const r = await runBin(['diff', 'fixtures/participants.csv', later, '--period', 'project', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe('esf-report/diff@1');
    expect(doc.added.map((a: { participantId: string }) => a.participantId)).toEqual(['P-0999']);
    expect(doc.removed.map((a: { participantId: string }) => a.participantId)).toEqual(['P-0005']);
    expect(doc.changed.map((c: { participantId: string; changes: { field: string }[] }) => [c.participantId, c.changes.map((x) => x.field)])).toEqual([
      ['P-0010', ['isced']],
      ['P-0020', ['personnummer']],
    ]);
    // P-0005 entered in 2024-HT: every month from its entry month to October 2026 is re-sent
    expect(doc.resend.from).toBe(doc.monthReasons[0].month);
    expect(doc.resend.to).toBe('2026-10');
    expect(doc.monthReasons.some((m: { participantId: string; reason: string }) => m.participantId === 'P-0005' && m.reason === 'removed-starter')).toBe(true);
    const eeco01 = doc.indicatorCells.find((c: { row: string; scope: string; gender: string }) => c.row === 'EECO01' && c.scope === 'cumulative' && c.gender === 'total');
    expect(eeco01).toBeUndefined(); // one removed, one added: the total stays
    expect(doc.indicatorCells.some((c: { row: string }) => c.row === 'EECO09' || c.row === 'EECO10' || c.row === 'EECO11')).toBe(true);
    expect(r.stdout).not.toMatch(PERSONNUMMER_SHAPE);
  });

  it('prints a readable text report in Swedish', async () => {
    const r = await runBin(['diff', 'fixtures/participants.csv', later, '--lang', 'sv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tillkomna deltagare (1)');
    expect(r.stdout).toContain('personnummer ändrat (visas inte)');
    expect(r.stdout).toContain('Deltagarrapporter till SCB som ska skickas om');
    expect(r.stdout).not.toMatch(PERSONNUMMER_SHAPE);
  });

  it('finds no change between an export and its Swedish Excel copy', async () => {
    const r = await runBin(['diff', 'fixtures/participants.csv', 'fixtures/participants-sv-excel.csv', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect([doc.added, doc.removed, doc.changed, doc.resend, doc.indicatorCells]).toEqual([[], [], [], null, []]);
  });

  it('compares a CSV export with the same data kept in Excel (--sheet)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Anteckningar').addRow(['not the data']);
    const ws = wb.addWorksheet('Deltagare');
    for (const line of readFileSync(`${ROOT}fixtures/participants.csv`, 'utf8').trimEnd().split('\n')) ws.addRow(line.split(','));
    const xlsx = join(dir, 'deltagare.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const r = await runBin(['diff', 'fixtures/participants.csv', xlsx, '--sheet', 'Deltagare', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect([doc.added, doc.removed, doc.changed, doc.indicatorCells]).toEqual([[], [], [], []]);
  });

  it('exits as every command does, on the new export: 1 for its errors (not its warnings), not for the old one', async () => {
    expect((await runBin(['diff', 'fixtures/participants.csv', 'fixtures/bad/warnings-only.csv', '--format', 'json'])).code).toBe(0);
    expect((await runBin(['diff', 'fixtures/participants.csv', 'fixtures/bad/value-invalid.csv', '--format', 'json'])).code).toBe(1);
    expect((await runBin(['diff', 'fixtures/bad/value-invalid.csv', 'fixtures/participants.csv', '--format', 'json'])).code).toBe(0);
  });

  it('exits 2 for an unusable file', async () => {
    const r = await runBin(['diff', 'fixtures/participants.csv', 'fixtures/bad/empty.csv']);
    expect(r.code).toBe(2);
  });
});
