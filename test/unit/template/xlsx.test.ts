import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTICIPANT_COLUMNS, swedishHeader } from '../../../src/participants/columns.js';
import { listValues } from '../../../src/template/lists.js';
import { TEMPLATE_DATA_ROWS, type TemplateModel } from '../../../src/template/model.js';
import { noteAnchor, sheetRef, writeTemplateWorkbook } from '../../../src/template/xlsx.js';
import { readText } from '../../helpers/participants.js';
import { templateModel } from './load-model.js';
import { fillSheet, SAMPLE_ROWS } from './sample-rows.js';

const LAST_ROW = 1 + TEMPLATE_DATA_ROWS;
const DATE_COLUMNS = ['birth_date', 'entry_date', 'exit_date', 'work_training_start', 'studies_start', 'employment_start'];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The cell values of an absolute range like `Listor!$B$2:$B$4` on the workbook's sheet. */
function rangeValues(wb: ExcelJS.Workbook, ref: string): unknown[] {
  const m = /^'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(ref);
  if (!m) throw new Error(`not an absolute range: ${ref}`);
  const [, sheet, col, from, col2, to] = m;
  expect(col2).toBe(col);
  const ws = wb.getWorksheet(sheet!)!;
  const values: unknown[] = [];
  for (let r = Number(from); r <= Number(to); r++) values.push(ws.getCell(`${col}${r}`).value);
  return values;
}

for (const lang of ['sv', 'en'] as const) {
  describe(`xlsx template (${lang}), read back with exceljs`, () => {
    let model: TemplateModel;
    let wb: ExcelJS.Workbook;
    let sheet: ExcelJS.Worksheet;
    let bytes: Uint8Array;
    beforeAll(async () => {
      model = templateModel(lang);
      bytes = await writeTemplateWorkbook(model, { created: '2026-11-25' });
      wb = await load(bytes);
      sheet = wb.worksheets[0]!;
    });

    it('has the participant sheet first and the list sheet hidden', () => {
      const names = lang === 'sv' ? ['Deltagare', 'Listor'] : ['Participants', 'Lists'];
      expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
        [names[0], 'visible'],
        [names[1], 'hidden'],
      ]);
    });

    it('has one bold header row with every column, a note on each, and nothing below it', () => {
      const headers = PARTICIPANT_COLUMNS.map((c) => (lang === 'sv' ? swedishHeader(c.name) : c.name));
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
      expect(sheet.rowCount).toBe(1);
      model.columns.forEach((column, i) => {
        const cell = sheet.getCell(1, i + 1);
        expect(cell.font?.bold, column.name).toBe(true);
        expect(cell.note, column.name).toBe(column.note);
      });
    });

    it('freezes the header row (and the ID column)', () => {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2' });
    });

    it('formats date columns yyyy-mm-dd and the ID columns as text', () => {
      model.columns.forEach((column, i) => {
        const numFmt = sheet.getColumn(i + 1).numFmt;
        if (DATE_COLUMNS.includes(column.name)) expect(numFmt, column.name).toBe('yyyy-mm-dd');
        else if (column.name === 'participant_id' || column.name === 'personnummer') expect(numFmt, column.name).toBe('@');
        else expect(numFmt === undefined || numFmt === 'General' || numFmt === '0', column.name).toBe(true);
        expect(sheet.getColumn(i + 1).width, column.name).toBeGreaterThanOrEqual(column.header.length);
      });
    });

    it('gives every enumerated column a dropdown on rows 2 … 1001 that reads its values from the hidden sheet', () => {
      let lists = 0;
      model.columns.forEach((column, i) => {
        const letter = sheet.getColumn(i + 1).letter;
        const v = column.validation;
        if (v?.type !== 'list') {
          expect(sheet.getCell(`${letter}2`).dataValidation?.type, column.name).not.toBe('list');
          return;
        }
        lists++;
        for (const row of [2, 500, LAST_ROW]) {
          const dv = sheet.getCell(`${letter}${row}`).dataValidation;
          expect(dv, `${column.name} row ${row}`).toMatchObject({ type: 'list', allowBlank: true, showErrorMessage: true, error: v.error });
        }
        expect(sheet.getCell(`${letter}1`).dataValidation, column.name).toBeUndefined();
        expect(sheet.getCell(`${letter}${LAST_ROW + 1}`).dataValidation, column.name).toBeUndefined();
        const formula = String(sheet.getCell(`${letter}2`).dataValidation.formulae[0]);
        expect(formula, column.name).toMatch(new RegExp(`^${sheetRef(model.sheets.lists)}!\\$[A-Z]\\$2:\\$[A-Z]\\$\\d+$`));
        expect(rangeValues(wb, formula), column.name).toEqual(listValues(v.list, lang));
      });
      expect(lists).toBe(17);
    });

    it('checks dates (1900-01-01 … 2100-12-31) and unemployment months (0–600)', () => {
      model.columns.forEach((column, i) => {
        const dv = sheet.getCell(`${sheet.getColumn(i + 1).letter}2`).dataValidation;
        if (DATE_COLUMNS.includes(column.name)) {
          expect(dv, column.name).toMatchObject({ type: 'date', operator: 'between', allowBlank: true, showErrorMessage: true });
          expect((dv.formulae[1] as Date).toISOString(), column.name).toBe('2100-12-31T00:00:00.000Z');
        }
        if (column.name === 'unemployment_months') expect(dv).toMatchObject({ type: 'whole', formulae: [0, 600], allowBlank: true });
      });
    });

    it('lists one column per list on the hidden sheet, with a heading', () => {
      const ws = wb.worksheets[1]!;
      model.lists.forEach((list, i) => {
        const values = (ws.getColumn(i + 1).values as unknown[]).slice(1);
        expect(values).toEqual([list.title, ...list.values]);
      });
    });

    it('sets the document properties, with the given day as its date', () => {
      expect(wb.creator).toBe('esf-report');
      expect(wb.title).toBe(model.document.title);
      expect(wb.created.toISOString()).toBe('2026-11-25T00:00:00.000Z');
      expect(wb.modified.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    });

    it('filled with dropdown values and real date cells, reads back with no finding', async () => {
      const headers = Object.fromEntries(PARTICIPANT_COLUMNS.map((c) => [c.name, lang === 'sv' ? swedishHeader(c.name) : c.name]));
      const filled = await load(bytes);
      fillSheet(filled.worksheets[0]!, headers, SAMPLE_ROWS[lang]);
      const { summary, records, codes } = await readText(new Uint8Array(await filled.xlsx.writeBuffer()), { file: 't.xlsx' });
      expect(codes).toEqual([]);
      expect([summary.rows, summary.errors, summary.excludedRows]).toEqual([4, 0, 0]);
      expect(records[0]).toMatchObject({ participantId: 'P-001', birthDate: '1990-05-01', exitDate: '2025-03-31', isced: 3, unemploymentMonths: 14 });
    });
  });
}

describe('xlsx helpers', () => {
  it('quotes a sheet name in a formula only when it must', () => {
    expect(sheetRef('Listor')).toBe('Listor');
    expect(sheetRef('Lists')).toBe('Lists');
    expect(sheetRef('Mina listor')).toBe("'Mina listor'");
    expect(sheetRef('Värden')).toBe("'Värden'");
    expect(sheetRef("Anna's")).toBe("'Anna''s'");
    expect(sheetRef('AB12')).toBe("'AB12'");
    expect(sheetRef('R1C1')).toBe("'R1C1'");
  });

  it('sizes a note box wider than two default columns and tall enough for its lines', () => {
    const note = ['a'.repeat(100), 'b'.repeat(20), 'c'.repeat(10)].join('\n');
    const box = noteAnchor(note, 0, [16, 17, 14, 17]);
    expect(box.left).toBeCloseTo(1.1);
    expect(box.right).toBe(4); // columns 1 and 2 (17 + 14 characters) are about 230 px: the box takes column 3 too
    expect(box.right - box.left).toBeGreaterThan(1);
    expect(box.bottom - box.top).toBeGreaterThanOrEqual(4);
  });
});

/** Debian's openpyxl, an independent reader, sees the same dropdowns, notes, formats and frozen pane. */
const PYTHON = '/usr/bin/python3';
const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
if (!hasOpenpyxl) console.warn(`openpyxl check skipped: ${PYTHON} -c "import openpyxl" failed (apt-get install python3-openpyxl)`);

const OPENPYXL_SCRIPT = String.raw`
import json, re, sys, zipfile, openpyxl
from openpyxl.utils import get_column_letter
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
ws = wb.worksheets[0]
lists = wb.worksheets[1]
out = {
  "sheets": [[w.title, w.sheet_state] for w in wb.worksheets],
  "freeze": ws.freeze_panes,
  "headers": [c.value for c in ws[1]],
  "notes": [c.comment.text if c.comment else None for c in ws[1]],
  "validations": [
    {"type": dv.type, "formula1": dv.formula1, "formula2": dv.formula2, "sqref": str(dv.sqref),
     "allowBlank": bool(dv.allow_blank), "showError": bool(dv.showErrorMessage), "error": dv.error}
    for dv in ws.data_validations.dataValidation],
  # a <col> element may span several columns: openpyxl keeps it under its first letter, with min and max
  "numFmts": {get_column_letter(i): d.number_format for d in ws.column_dimensions.values() for i in range(d.min, d.max + 1)},
  "lists": {col[0].column_letter: [c.value for c in col if c.value is not None] for col in lists.iter_cols()},
  "title": wb.properties.title, "creator": wb.properties.creator,
}
with zipfile.ZipFile(path) as z:
  vml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".vml"))
out["anchors"] = [[int(x) for x in a.split(",")] for a in re.findall(r"<x:Anchor>([^<]*)</x:Anchor>", vml)]
print(json.dumps(out))
`;

interface OpenpyxlView {
  sheets: [string, string][];
  freeze: string;
  headers: string[];
  notes: (string | null)[];
  validations: { type: string; formula1: string; formula2: string | null; sqref: string; allowBlank: boolean; showError: boolean; error: string }[];
  numFmts: Record<string, string>;
  lists: Record<string, (string | number)[]>;
  title: string;
  creator: string;
  anchors: number[][];
}

describe.skipIf(!hasOpenpyxl)('xlsx template read by openpyxl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esf-template-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const lang of ['sv', 'en'] as const) {
    it(`${lang}: dropdowns on the hidden sheet, date checks, notes, formats, frozen pane`, async () => {
      const model = templateModel(lang);
      const file = join(dir, `template-${lang}.xlsx`);
      writeFileSync(file, await writeTemplateWorkbook(model, { created: '2026-11-25' }));
      const run = spawnSync(PYTHON, ['-c', OPENPYXL_SCRIPT, file], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const view = JSON.parse(run.stdout) as OpenpyxlView;

      expect(view.sheets).toEqual([
        [model.sheets.participants, 'visible'],
        [model.sheets.lists, 'hidden'],
      ]);
      expect(view.freeze).toBe('B2');
      expect(view.headers).toEqual(model.columns.map((c) => c.header));
      expect(view.notes).toEqual(model.columns.map((c) => c.note));
      expect([view.title, view.creator]).toEqual([model.document.title, 'esf-report']);

      const letter = (i: number) => (i >= 26 ? String.fromCharCode(64 + Math.floor(i / 26)) : '') + String.fromCharCode(65 + (i % 26));
      model.columns.forEach((column, i) => {
        const L = letter(i);
        const dv = view.validations.find((d) => d.sqref.split(' ').includes(`${L}2:${L}1001`));
        const v = column.validation;
        if (!v) {
          expect(dv, column.name).toBeUndefined();
          return;
        }
        expect(dv, column.name).toMatchObject({ type: v.type, allowBlank: true, showError: true, error: v.error });
        if (v.type === 'list') {
          const m = /^(\w+)!\$([A-Z])\$2:\$([A-Z])\$(\d+)$/.exec(dv!.formula1);
          expect(m?.[1], column.name).toBe(model.sheets.lists);
          expect(view.lists[m![2]!]!.slice(1), column.name).toEqual(listValues(v.list, lang));
          expect(Number(m![4]) - 1, column.name).toBe(listValues(v.list, lang).length);
        }
        // Excel's serial numbers: 1 is 1900-01-01, 73415 is 2100-12-31.
        if (v.type === 'date') expect([dv!.formula1, dv!.formula2], column.name).toEqual(['1', '73415']);
        if (v.type === 'whole') expect([dv!.formula1, dv!.formula2]).toEqual(['0', '600']);
      });
      model.columns.forEach((column, i) => {
        const fmt = view.numFmts[letter(i)];
        if (column.kind === 'date') expect(fmt, column.name).toBe('yyyy-mm-dd');
        if (column.kind === 'id') expect(fmt, column.name).toBe('@');
      });

      // Note boxes: one per header, each wider than exceljs' default two columns and below-right of its header.
      expect(view.anchors).toHaveLength(model.columns.length);
      view.anchors.forEach(([left, , top, , right, , bottom], i) => {
        expect(left).toBe(i + 1);
        expect(right! - left!).toBeGreaterThanOrEqual(2);
        expect(top).toBe(0);
        expect(bottom! - top!).toBeGreaterThanOrEqual(4);
      });
    });
  }
});
