import { describe, expect, it } from 'vitest';
import { PARTICIPANT_COLUMNS, PARTICIPANT_REQUIRED_HEADERS, swedishHeader } from '../../../src/participants/columns.js';
import { matchHeader } from '../../../src/read/header.js';
import { renderTemplateCsv } from '../../../src/template/csv.js';
import { listValues } from '../../../src/template/lists.js';
import { templateModel } from './load-model.js';

describe('template model', () => {
  it('has every column in contract order: Swedish headers in Swedish, canonical names in English', () => {
    expect(templateModel('sv').columns.map((c) => c.header)).toEqual(PARTICIPANT_COLUMNS.map((c) => swedishHeader(c.name)));
    expect(templateModel('en').columns.map((c) => c.header)).toEqual(PARTICIPANT_COLUMNS.map((c) => c.name));
  });

  for (const lang of ['sv', 'en'] as const) {
    it(`${lang}: each note names the field, its values and whether it is required, short enough for its pop-up`, () => {
      for (const c of templateModel(lang).columns) {
        const lines = c.note.split('\n');
        expect(lines, c.name).toHaveLength(3);
        expect(c.note.length, c.name).toBeLessThanOrEqual(300);
        expect(c.note, c.name).not.toContain('{values}');
        if (c.validation?.type === 'list') {
          for (const v of listValues(c.validation.list, lang)) expect(lines[1], `${c.name}: ${v}`).toContain(String(v));
        }
      }
    });

    it(`${lang}: validation error boxes stay within Excel's limits and list the values`, () => {
      const model = templateModel(lang);
      for (const c of model.columns) {
        if (!c.validation) continue;
        expect(c.validation.errorTitle.length).toBeLessThanOrEqual(32);
        expect(c.validation.error.length).toBeLessThanOrEqual(255);
        if (c.validation.type === 'list') expect(c.validation.error).toContain(listValues(c.validation.list, lang).join(', '));
      }
      expect(model.columns.filter((c) => c.validation?.type === 'date').map((c) => c.name)).toEqual([
        'birth_date',
        'entry_date',
        'exit_date',
        'work_training_start',
        'studies_start',
        'employment_start',
      ]);
      expect(model.columns.filter((c) => c.kind === 'id').map((c) => c.name)).toEqual(['participant_id', 'personnummer']);
      expect(model.lists.map((l) => l.id)).toEqual(['gender', 'employment_status', 'isced', 'sensitive', 'exit_status', 'yes_no', 'status_6m', 'survey']);
    });
  }
});

describe('CSV template', () => {
  it('Swedish: BOM, Swedish headers, ";" and CRLF, header row only', () => {
    const text = renderTemplateCsv(templateModel('sv'));
    expect(text).toBe(`\uFEFF${PARTICIPANT_COLUMNS.map((c) => swedishHeader(c.name)).join(';')}\r\n`);
  });

  it('English: BOM, canonical headers, "," and CRLF', () => {
    expect(renderTemplateCsv(templateModel('en'))).toBe(`\uFEFF${PARTICIPANT_COLUMNS.map((c) => c.name).join(',')}\r\n`);
  });

  for (const lang of ['sv', 'en'] as const) {
    it(`${lang}: the validator recognises every header, with no finding`, () => {
      const model = templateModel(lang);
      const fields = renderTemplateCsv(model).replace(/\r\n$/, '').split(model.delimiter);
      const match = matchHeader(fields, PARTICIPANT_COLUMNS, 't.csv', 1, PARTICIPANT_REQUIRED_HEADERS);
      expect(match.findings).toEqual([]);
      expect([...match.fieldOf]).toEqual(PARTICIPANT_COLUMNS.map((_, i) => i));
    });
  }
});
