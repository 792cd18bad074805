import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorsResult } from '../../../src/indicators/result.js';
import { buildWorkbookModel, type WorkbookMeta } from '../../../src/report/build-model.js';
import { writeWorkbook } from '../../../src/report/write-workbook.js';
import { findRow, loadWorkbook, personnummerShapes, sheet, values } from './read-back.js';
import { builtInProfile, labelsFor, sampleMeta, sampleResult } from './sample.js';

const profile = builtInProfile();

async function workbookOf(result: IndicatorsResult, lang: 'sv' | 'en', meta: Partial<WorkbookMeta> = {}): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await writeWorkbook(buildWorkbookModel(result, profile, labelsFor(lang), sampleMeta(meta))));
}

describe('the written workbook, read back with exceljs (Swedish)', () => {
  const result = sampleResult();
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await workbookOf(result, 'sv');
  });

  it('has the sheets in order, named in Swedish', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sammanfattning', 'Indikatorer', 'Projektmål', 'Per månad', 'Kohorter', 'Datakvalitet', 'Om rapporten']);
  });

  it('Indicators: headers, and the figures of several indicators equal the result', () => {
    const ws = sheet(wb, 'Indikatorer');
    expect(values(ws.getRow(1), 1, 3)).toEqual(['Kod', 'Indikator', 'Perioden 2025-Q2']);
    expect(ws.getCell('G1').value).toBe('Kumulativt från projektstart');
    expect(values(ws.getRow(2), 3, 10)).toEqual(['Kvinnor', 'Män', 'Icke-binära', 'Totalt', 'Kvinnor', 'Män', 'Icke-binära', 'Totalt']);
    for (const code of ['EECO01', 'EECO04', 'EECO13', 'EECR02', 'EECR06'] as const) {
      const ind = result.indicators.find((i) => i.code === code)!;
      const row = findRow(ws, code);
      expect(row.getCell(2).value).not.toBe('');
      const p = ind.period;
      const c = ind.cumulative;
      expect(values(row, 3, 10), code).toEqual([p.women, p.men, p.nonBinary, p.total, c.women, c.men, c.nonBinary, c.total]);
      expect(row.getCell(3).numFmt).toBe('0');
      expect(typeof row.getCell(10).value).toBe('number');
    }
    expect(findRow(ws, 'EECO01').getCell(2).value).toBe('Totalt antal deltagare');
    expect(values(findRow(ws, 'LEAVERS'), 3, 10)).toEqual([4, 5, 0, 9, 30, 31, 1, 62]);
  });

  it('Targets: target, base, achieved by gender, rate as a percentage, on track', () => {
    const ws = sheet(wb, 'Projektmål');
    expect(values(ws.getRow(1), 1, 6)).toEqual(['Id', 'Projektmål', 'Målnivå', 'Mål (antal)', 'Bas', 'Uppnått']);
    expect(values(ws.getRow(1), 10, 11)).toEqual(['Andel', 'I fas']);
    const emp = findRow(ws, 'T-EMP');
    expect(values(emp, 1, 11)).toEqual(['T-EMP', 'Anställning', 0.25, 30, 95, 7, 9, 0, 16, 0.1684, 'nej']);
    expect(emp.getCell(3).numFmt).toBe('0.0%');
    expect(emp.getCell(10).numFmt).toBe('0.0%');
    expect(emp.getCell(4).numFmt).toBe('0');
    const net = findRow(ws, 'T-NET');
    expect(values(net, 3, 11)).toEqual([0.95, '–', 60, 28, 27, 1, 56, 0.9333, 'nej']);
    const unanswered = ws.getRow(Number(net.number) + 1);
    expect(values(unanswered, 2, 9)).toEqual(['varav utan svar', null, null, null, 2, 1, 0, 3]);
    const trans = findRow(ws, 'T-TRANS');
    expect(values(trans, 10, 11)).toEqual([0.6833, '–']);
    expect(ws.getRow(Number(trans.number) + 1).getCell(2).value).toBe('Jämförelse: Rekrytera, alla deltagare');
    expect(ws.getRow(Number(trans.number) + 1).getCell(10).value).toBe(0.903);
  });

  it('Summary: identity, dates as real dates, record counts and targets', () => {
    const ws = sheet(wb, 'Sammanfattning');
    expect(ws.getCell('A1').value).toBe('ESF+-rapport: HISSen (Helsingborg Integration SysselSättning)');
    expect(findRow(ws, 'Diarienummer').getCell(2).value).toBe('23-073-S10');
    expect(findRow(ws, 'Organisationsnummer').getCell(2).value).toBe('802478-1406');
    expect(findRow(ws, 'CCI (programmets nummer)').getCell(2).value).toBe('2021SE05SFPR');
    expect(findRow(ws, 'NUTS 2-region').getCell(2).value).toBe('SE22');
    const start = findRow(ws, 'Projektperiodens början').getCell(2);
    expect(start.value).toEqual(new Date(Date.UTC(2024, 7, 1)));
    expect(start.numFmt).toBe('yyyy-mm-dd');
    expect(findRow(ws, 'Avläsningsdag (uppgifterna som de var denna dag)').getCell(2).value).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(findRow(ws, 'Rader i filen').getCell(2).value).toBe(98);
    expect(findRow(ws, 'Räknade (fullständiga) rader').getCell(2).value).toBe(95);
    expect(findRow(ws, 'Uteslutna rader (med fel)').getCell(2).value).toBe(3);
    expect(findRow(ws, 'Alla konsistenstester håller').getCell(2).value).toBe('nej');
    // Targets: name (over two columns), target rate, target count, achieved, rate, on track; T-GEN counts women.
    expect(values(findRow(ws, 'Jämn könsfördelning'), 3, 7)).toEqual([0.5, 60, 48, 0.5053, 'ja']);
  });

  it('Monthly, Cohorts: figures by gender, months as real dates', () => {
    const ws = sheet(wb, 'Per månad');
    const first = ws.getRow(3);
    expect(first.getCell(1).value).toEqual(new Date(Date.UTC(2025, 3, 1)));
    expect(first.getCell(1).numFmt).toBe('yyyy-mm');
    expect(values(first, 2, 9)).toEqual([3, 4, 0, 7, 1, 0, 0, 1]);
    const co = sheet(wb, 'Kohorter');
    expect(values(co.getRow(1), 1, 6)).toEqual(['Kohort', 'Mått', 'Kvinnor', 'Män', 'Icke-binära', 'Totalt']);
    expect(values(co.getRow(2), 1, 6)).toEqual(['2024-HT', 'Började', 10, 11, 1, 22]);
  });

  it('Data quality: findings with participant IDs, and the consistency tests', () => {
    const ws = sheet(wb, 'Datakvalitet');
    expect(values(ws.getRow(1), 1, 7)).toEqual(['Rad', 'Deltagar-id', 'Raden utesluten', 'Allvarlighet', 'Kod', 'Kolumn', 'Beskrivning']);
    expect(values(ws.getRow(3), 1, 6)).toEqual([14, 'P-0013', 'ja', 'fel', 'DATE_INVALID', 'entry_date']);
    expect(values(ws.getRow(1), 8, 10)).toEqual([null, 'Konsistenstest', 'Håller']);
    expect(findRow(ws, 'EECO03 <= EECO02', 9).getCell(10).value).toBe('nej');
    expect(findRow(ws, 'EECO01 = EECO02 + EECO04 + EECO05', 9).getCell(10).value).toBe('ja');
    expect(ws.getCell('H1').fill).toBeUndefined();
  });

  it('About: tool, input file and hash, options, rules version, generation time', () => {
    const ws = sheet(wb, 'Om rapporten');
    expect(findRow(ws, 'Verktyg').getCell(2).value).toBe('esf-report 0.1.0');
    expect(findRow(ws, 'Indatafil').getCell(2).value).toBe('participants.csv');
    expect(findRow(ws, 'SHA-256 för indatafilen').getCell(2).value).toBe('a'.repeat(64));
    expect(findRow(ws, 'Använda alternativ').getCell(2).value).toBe('--period 2025-Q2 --lang sv');
    expect(findRow(ws, 'Regelversion').getCell(2).value).toBe('esf-report/indicators@1');
    expect(findRow(ws, 'Skapad (UTC)').getCell(2).value).toEqual(new Date('2025-07-01T08:30:00.000Z'));
    expect(findRow(ws, 'EECR05').getCell(3).value).toMatch(/sex månader/);
    expect(findRow(ws, 'Fullständighet').number).toBeGreaterThan(findRow(ws, 'EECR06').number);
  });

  it('print setup on every sheet: A4 landscape, one page wide, header rows repeated, footer', () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
      expect(ws.pageSetup.fitToPage, ws.name).toBe(true);
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.pageSetup.fitToHeight, ws.name).toBe(ws.name === 'Sammanfattning' ? 1 : 0);
      expect(ws.pageSetup.printTitlesRow, ws.name).toMatch(/^1:[12]$/);
      expect(ws.headerFooter.oddFooter, ws.name).toBe('&L23-073-S10&CPeriod 2025-Q2&Rsida &P av &N');
      expect(ws.headerFooter.oddHeader, ws.name).toContain(ws.name);
      const view = ws.views[0] as { state: string; ySplit: number };
      expect(view.state, ws.name).toBe('frozen');
      expect(`1:${view.ySplit}`, ws.name).toBe(ws.pageSetup.printTitlesRow);
    }
    expect(sheet(wb, 'Indikatorer').pageSetup.printTitlesRow).toBe('1:2');
  });

  it('bold headers and column widths from the content', () => {
    const ws = sheet(wb, 'Indikatorer');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('C2').font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(6);
    // the name column is wider than a figure column, and capped (long names wrap)
    expect(ws.getColumn(2).width!).toBeGreaterThan(ws.getColumn(3).width!);
    expect(ws.getColumn(2).width!).toBeLessThanOrEqual(62);
    expect(sheet(wb, 'Datakvalitet').getColumn(7).width!).toBeLessThanOrEqual(80);
  });

  it('document properties from the profile and the injected clock, not now', () => {
    expect(wb.title).toBe('ESF+-rapport 23-073-S10 HISSen (Helsingborg Integration SysselSättning), period 2025-Q2');
    expect(wb.subject).toContain('2025-Q2');
    expect(wb.company).toBe('Stiftelsen Tillväxt Helsingborg');
    expect(wb.creator).toBe('esf-report');
    expect(wb.created).toEqual(new Date('2025-07-01T08:30:00.000Z'));
    expect(wb.modified).toEqual(new Date('2025-07-01T08:30:00.000Z'));
  });

  it('holds no personnummer: the only 10-digit shape is the organisation number', () => {
    const shapes = personnummerShapes(wb);
    expect(shapes.filter((s) => s.valid)).toEqual([]);
    expect([...new Set(shapes.map((s) => s.match))]).toEqual(['802478-1406']);
  });
});

describe('the written workbook in English', () => {
  it('every label in English, the footer "page &P of &N"', async () => {
    const wb = await workbookOf(sampleResult(), 'en');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Indicators', 'Targets', 'Monthly', 'Cohorts', 'Data quality', 'About']);
    expect(findRow(sheet(wb, 'Indicators'), 'EECO01').getCell(2).value).toBe('Total number of participants');
    expect(values(sheet(wb, 'Targets').getRow(1), 1, 3)).toEqual(['Id', 'Project target', 'Target rate']);
    expect(findRow(sheet(wb, 'Targets'), 'T-EMP').getCell(11).value).toBe('no');
    expect(sheet(wb, 'About').headerFooter.oddFooter).toBe('&L23-073-S10&CPeriod 2025-Q2&Rpage &P of &N');
  });
});

describe('--suppress-below in the workbook', () => {
  it('no count from 1 to N−1 is shown as a number; every other cell is exact or hidden, and a rate on a hidden count is hidden', async () => {
    const wb = await workbookOf(sampleResult(), 'en', { suppressBelow: 5 });
    const funder = await workbookOf(sampleResult(), 'en');
    // (the Summary has the shared-copy note on top, so its rows shift: it is checked by label below)
    for (const name of ['Indicators', 'Targets', 'Monthly', 'Cohorts']) {
      const ws = sheet(wb, name);
      const exact = sheet(funder, name);
      ws.eachRow((row) => {
        row.eachCell((cell) => {
          const truth = exact.getCell(cell.address).value;
          if (typeof cell.value === 'number' && cell.numFmt === '0') {
            expect(cell.value === 0 || cell.value >= 5, `${name}!${cell.address} = ${cell.value}`).toBe(true);
          }
          if (cell.value instanceof Date) expect(cell.value.getTime()).toBe((truth as Date).getTime());
          else if (cell.value !== truth) expect(cell.value, `${name}!${cell.address}: ${String(truth)}`).toBe('hidden');
        });
      });
    }
    const ind = sheet(wb, 'Indicators');
    // EECO04: period 3/5/1 = 9, cumulative 13/23/2 = 38: the small ones hidden, and enough others that they stay hidden
    const eeco04 = values(findRow(ind, 'EECO04'), 3, 10);
    expect([eeco04[0], eeco04[2], eeco04[6]]).toEqual(['hidden', 'hidden', 'hidden']);
    expect(eeco04.filter((v) => v === 'hidden').length).toBeGreaterThan(3);
    expect(findRow(ind, 'EECO04').getCell(3).alignment?.horizontal).toBe('right');
    const targets = sheet(wb, 'Targets');
    // T-STU: achieved 3 + 1 = 4 → hidden, and so are its rate and its on-track mark
    expect(values(findRow(targets, 'T-STU'), 6, 11)).toEqual(['hidden', 'hidden', 0, 'hidden', 'hidden', 'hidden']);
    const summary = sheet(wb, 'Summary');
    // the records describe the file, not people: shown as they are
    expect(findRow(summary, 'Rows in the file').getCell(2).value).toBe(98);
    expect(values(findRow(summary, 'Studies'), 5, 7)).toEqual(['hidden', 'hidden', 'hidden']);
    const exactSummary = sheet(funder, 'Summary');
    for (const target of ['Participants', 'Gender balance', 'Employment', 'Work training', 'Wider network']) {
      const shown = values(findRow(summary, target), 4, 7);
      const truth = values(findRow(exactSummary, target), 4, 7);
      shown.forEach((v, i) => expect(v === truth[i] || v === 'hidden', `${target}: ${String(v)}`).toBe(true));
    }
    expect(String(summary.getCell('A3').value)).toMatch(/^SHARED COPY, not the funder's copy: \d+ figures are hidden/);
    const about = sheet(wb, 'About');
    const notes: string[] = [];
    about.eachRow((row) => notes.push(String(row.getCell(1).value)));
    expect(notes.some((n) => n.startsWith('SHARED COPY (--suppress-below 5)'))).toBe(true);
    expect(findRow(about, 'Options used').getCell(2).value).toBe('--period 2025-Q2 --lang sv');
    expect(findRow(about, 'Input file').getCell(2).value).toBe('not stated in a shared copy');
  });

  it('the Data quality sheet of a shared copy counts findings per code: no line, participant ID or file name', async () => {
    const result = sampleResult();
    const wb = await workbookOf(result, 'en', { suppressBelow: 5 });
    const dq = sheet(wb, 'Data quality');
    expect(values(dq.getRow(1), 1, 7)).toEqual(['Code', 'Severity', 'Findings', 'What it means and how to fix it', null, 'Consistency test', 'Holds']);
    const perCode = new Map<string, number>();
    for (const f of result.findings) perCode.set(f.code, (perCode.get(f.code) ?? 0) + 1);
    for (const [code, n] of perCode) expect(findRow(dq, code).getCell(3).value).toBe(n);
    const texts: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    const ids = [...result.findings.map((f) => f.participantId), ...result.excluded.map((e) => e.participantId)].filter((x): x is string => !!x);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(texts.some((t) => t.includes(id)), id).toBe(false);
    expect(texts.some((t) => t.includes('participants.csv'))).toBe(false);
  });

  it('without it, About says nothing about suppression', async () => {
    const wb = await workbookOf(sampleResult(), 'en');
    const texts: string[] = [];
    sheet(wb, 'About').eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts.some((t) => t.startsWith('SHARED COPY'))).toBe(false);
  });
});

describe('personnummer never reach the workbook', () => {
  it('masks one in a finding message, a participant ID or the input file name, should the layers before miss it', async () => {
    const result = sampleResult();
    const leaky: IndicatorsResult = {
      ...result,
      excluded: [{ line: 14, participantId: '19850314-9828', codes: ['DATE_INVALID'] }],
      findings: [{ severity: 'error', code: 'DATE_INVALID', file: 'x.csv', line: 14, column: 'entry_date', message: 'row of 198503149828 / 850314-9828' }],
    };
    const wb = await workbookOf(leaky, 'sv', { input: { name: '19850314-9828.csv', sha256: 'b'.repeat(64) }, options: ['--project 8503149828.json'] });
    expect(personnummerShapes(wb).filter((s) => s.valid)).toEqual([]);
  });
});
