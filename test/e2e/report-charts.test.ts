import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/run-bin.js';
import { findRow, loadWorkbook, sheet } from '../unit/report/read-back.js';

// The charts in the workbook, read back: pictures present, anchored on the right sheets, sane sizes.
const ARGS = ['fixtures/participants.csv', '--period', '2026-Q3', '--as-of', '2026-11-20'] as const;
const PYTHON = '/usr/bin/python3';

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function pictures(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) {
  return ws.getImages().map((img) => {
    const media = wb.getImage(Number(img.imageId)) as unknown as { buffer: Buffer; extension: string };
    const range = img.range as unknown as { tl: { nativeRow: number; nativeCol: number }; ext?: { width: number; height: number } };
    return { row: range.tl.nativeRow + 1, col: range.tl.nativeCol + 1, ext: range.ext, extension: media.extension, png: media.buffer };
  });
}

describe('report: charts in the workbook', () => {
  let dir: string;
  let wb: ExcelJS.Workbook;
  let suppressed: ExcelJS.Workbook;
  let out: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'esf-report-charts-'));
    out = join(dir, 'report.xlsx');
    const shared = join(dir, 'shared.xlsx');
    const [a, b] = await Promise.all([runBin(['report', ...ARGS, '--out', out]), runBin(['report', ...ARGS, '--suppress-below', '5', '--out', shared])]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    // vega's own warnings never reach the terminal
    expect(a.stderr).not.toMatch(/WARN|warning/i);
    wb = await loadWorkbook(await readFile(out));
    suppressed = await loadWorkbook(await readFile(shared));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('puts the Diagram sheet after the Summary with all four charts, one a printed page', () => {
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['Sammanfattning', 'Diagram']);
    const ws = sheet(wb, 'Diagram');
    const pics = pictures(wb, ws);
    expect(pics).toHaveLength(4);
    expect(pics.map((p) => p.col)).toEqual([1, 1, 1, 1]);
    // top to bottom, each below the one before
    for (let i = 1; i < pics.length; i++) expect(pics[i]!.row).toBeGreaterThan(pics[i - 1]!.row + Math.ceil(pics[i - 1]!.ext!.height / 20));
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
    expect(ws.getRow(1).getCell(1).value).toBe('Diagram: HISSen (Helsingborg Integration SysselSättning), period 2026-Q3');
  });

  it('anchors each chart under the table it illustrates', () => {
    const counts = Object.fromEntries(wb.worksheets.map((ws) => [ws.name, ws.getImages().length]));
    expect(counts).toEqual({ Sammanfattning: 0, Diagram: 4, Indikatorer: 1, Projektmål: 1, 'Per månad': 2, Kohorter: 0, Datakvalitet: 0, 'Om rapporten': 0 });
    const targets = sheet(wb, 'Projektmål');
    const [pic] = pictures(wb, targets);
    const lastTarget = findRow(targets, 'T-TRANS').number;
    expect(pic!.row).toBeGreaterThan(lastTarget);
    const monthly = sheet(wb, 'Per månad');
    const total = findRow(monthly, 'Totalt').number;
    const [p1, p2] = pictures(wb, monthly);
    expect(p1!.row).toBeGreaterThan(total);
    expect(p2!.row).toBeGreaterThan(p1!.row + Math.ceil(p1!.ext!.height / 20));
  });

  it('stores sharp PNGs: twice the displayed size, a sane size on the page', () => {
    for (const ws of wb.worksheets) {
      for (const p of pictures(wb, ws)) {
        expect(p.extension).toBe('png');
        const px = pngSize(p.png);
        expect(px.width).toBe(Math.round(p.ext!.width * 2));
        expect(px.height).toBe(Math.round(p.ext!.height * 2));
        expect(p.ext!.width).toBeGreaterThan(500);
        expect(p.ext!.width).toBeLessThan(1000);
        expect(p.ext!.height).toBeGreaterThan(250);
        expect(p.ext!.height).toBeLessThan(700);
      }
    }
  });

  it('says each chart in words under it, from the same figures (the running total on the Monthly sheet)', () => {
    const monthly = sheet(wb, 'Per månad');
    const words = findRow(monthly, 'I ord: I slutet av sep 2026 hade 110 deltagare börjat; enligt planen skulle 87 ha börjat.');
    expect(words.number).toBeGreaterThan(findRow(monthly, 'Totalt').number);
    // the last month's running total equals EECO01 cumulative (110) and the plan is T-PART's on-track count
    const header = monthly.getRow(1);
    expect(header.getCell(10).value).toBe('Deltagare hittills');
    expect(header.getCell(11).value).toBe('Enligt plan');
    const last = monthly.getRow(findRow(monthly, 'Totalt').number - 1);
    expect([last.getCell(10).value, last.getCell(11).value]).toEqual([110, 87]);
  });

  it('with --suppress-below the charts say that hidden values are not drawn', () => {
    const ws = sheet(suppressed, 'Diagram');
    const notes: string[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === 'string' && v.includes('ritas inte')) notes.push(v);
    });
    expect(notes.length).toBeGreaterThanOrEqual(3);
    for (const n of notes) expect(n).toMatch(/^\d+ värden är dolda i tabellerna i denna delningskopia och ritas inte\./);
  });

  it('opens in openpyxl with its pictures', async () => {
    try {
      execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    } catch {
      if (process.env.CI) throw new Error('CI must have python3-openpyxl (.ci/run installs it)');
      return;
    }
    const script = 'import openpyxl,sys,json\nwb=openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps([ws.title for ws in wb.worksheets]))';
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(PYTHON, ['-c', script, out], (err, so) => (err ? reject(err) : resolve(String(so)))),
    );
    expect(JSON.parse(stdout)).toContain('Diagram');
  });

  it('rejects an --out that is neither .xlsx nor .html', async () => {
    const r = await runBin(['report', ...ARGS, '--out', join(dir, 'report.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.html');
  });
});


