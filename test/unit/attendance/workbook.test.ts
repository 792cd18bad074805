import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTimeReportLabels, type TimeReportLabels } from '../../../src/attendance/labels.js';
import type { AttendanceDay } from '../../../src/attendance/read-attendance.js';
import { computeTime } from '../../../src/attendance/time-report.js';
import { buildTimeWorkbookModel, timeSheetName } from '../../../src/attendance/workbook.js';
import { parseProjectProfile, type ProjectProfile } from '../../../src/project/profile.js';
import { writeWorkbook } from '../../../src/report/write-workbook.js';
import { ROOT } from '../../helpers/run-bin.js';
import { findRow, loadWorkbook, sheet, values } from '../report/read-back.js';

function labels(lang: 'sv' | 'en'): TimeReportLabels {
  const parsed = parseTimeReportLabels(JSON.parse(readFileSync(`${ROOT}templates/time-report-${lang}.json`, 'utf8')));
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.labels;
}
const parsedProfile = parseProjectProfile(JSON.parse(readFileSync(`${ROOT}profiles/23-073-S10.json`, 'utf8')));
if ('problems' in parsedProfile) throw new Error(parsedProfile.problems.join('; '));
const profile: ProjectProfile = parsedProfile.profile;

const day = (participantId: string, date: string, quarters: number, activity = ''): AttendanceDay => ({ line: 2, ok: true, participantId, date, quarters, activity });
const days = [day('P-0094', '2026-09-01', 24, 'Svenska'), day('P-0094', '2026-09-03', 30, 'Studiebesök'), day('P-0096', '2026-09-07', 28), day('P-0094', '2026-10-01', 26)];
const window = { label: '2026-H2', start: '2026-07-01', end: '2026-12-31', asOf: '2026-11-25', windowEnd: '2026-11-25' };

describe('time report workbook', () => {
  it('has the summary and one time report per participant and month, read back with the hours, values and lines to sign', async () => {
    const time = computeTime(days, window, { kind: 'option', ore: 15000 });
    const model = buildTimeWorkbookModel(time, profile, labels('sv'), { attendanceFile: 'narvaro.csv', generatedAt: '2026-11-25T00:00:00.000Z' });
    const wb = await loadWorkbook(await writeWorkbook(model));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sammanställning', 'P-0094 2026-09', 'P-0094 2026-10', 'P-0096 2026-09']);

    const summary = sheet(wb, 'Sammanställning');
    expect(values(findRow(summary, 'P-0096'), 1, 5)).toEqual(['P-0096', new Date(Date.UTC(2026, 8, 1)), 1, 7, 1050]);
    // 13,5 h + 6,5 h + 7 h = 27 h × 150 kr = 4 050 kr
    expect(values(findRow(summary, 'Summa'), 3, 5)).toEqual([4, 27, 4050]);
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });

    const report = sheet(wb, 'P-0094 2026-09');
    expect(report.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
    expect(report.headerFooter.oddFooter).toContain('P-0094 2026-09');
    expect(report.headerFooter.oddFooter).toContain('&P');
    expect(findRow(report, 'Deltagar-ID').getCell(3).value).toBe('P-0094');
    expect(findRow(report, 'Diarienummer').getCell(3).value).toBe('23-073-S10');
    expect(findRow(report, 'Projekt').getCell(3).value).toBe(profile.name);
    // every day of September, with the hours and activity of the days with time
    const first = findRow(report, 'Datum').number + 1;
    const dates: unknown[] = [];
    for (let r = first; r < first + 30; r++) dates.push(report.getRow(r).getCell(1).value);
    expect(dates).toHaveLength(30);
    expect(dates[0]).toEqual(new Date(Date.UTC(2026, 8, 1)));
    expect(dates[29]).toEqual(new Date(Date.UTC(2026, 8, 30)));
    expect(values(report.getRow(first), 1, 4)).toEqual([new Date(Date.UTC(2026, 8, 1)), 'tisdag', 6, 'Svenska']);
    expect(values(report.getRow(first + 2), 3, 4)).toEqual([7.5, 'Studiebesök']);
    expect(report.getRow(first + 1).getCell(3).value).toBeNull();
    expect(report.getRow(first).getCell(3).numFmt).toBe('0.00');
    expect(findRow(report, 'Summa timmar').getCell(3).value).toBe(13.5);
    expect(findRow(report, 'Värde (kr)').getCell(3).value).toBe(2025);
    expect(findRow(report, 'Deltagarens underskrift')).toBeDefined();
    expect(findRow(report, 'Projektets underskrift (ansvarig)')).toBeDefined();
    const signatureLine = findRow(report, 'Deltagarens underskrift').number - 1;
    expect(report.getRow(signatureLine).getCell(1).border?.bottom?.style).toBe('thin');
  });

  it('marks holidays by name and leaves the value empty without a rate (English labels)', async () => {
    const time = computeTime([day('P-1', '2026-04-07', 8)], { ...window, start: '2026-04-01', label: '2026-04' }, { kind: 'none', source: null });
    const model = buildTimeWorkbookModel(time, profile, labels('en'), { attendanceFile: 'a.csv', generatedAt: '2026-11-25T00:00:00.000Z' });
    const wb = await loadWorkbook(await writeWorkbook(model));
    const report = sheet(wb, 'P-1 2026-04');
    const first = findRow(report, 'Date').number + 1;
    expect(values(report.getRow(first + 2), 2, 5)).toEqual(['Friday', null, null, 'Good Friday']);
    expect(values(report.getRow(first + 5), 2, 5)).toEqual(['Monday', null, null, 'Easter Monday']);
    expect(() => findRow(report, 'Value (SEK)')).toThrow();
    expect(findRow(sheet(wb, 'Summary'), 'Total').getCell(5).value).toBeNull();
  });

  it('names sheets safely and uniquely within 31 characters', () => {
    const taken = new Set<string>(['summary']);
    expect(timeSheetName('P-1', '2026-09', taken)).toBe('P-1 2026-09');
    const long = 'A'.repeat(40);
    const a = timeSheetName(long, '2026-09', taken);
    const b = timeSheetName(`${long}B`, '2026-09', taken);
    expect(a.length).toBeLessThanOrEqual(31);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(a).not.toBe(b);
    expect(timeSheetName('a/b:c', '2026-09', taken)).toBe('a_b_c 2026-09');
  });
});
