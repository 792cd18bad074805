import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARTICIPANT_COLUMNS } from '../../../src/participants/columns.js';
import { TEMPLATE_LIST_IDS } from '../../../src/template/lists.js';
import { parseTemplateTexts, type TemplateTexts } from '../../../src/template/texts.js';
import { ROOT } from '../../helpers/run-bin.js';

function raw(lang: 'sv' | 'en'): Record<string, unknown> {
  return JSON.parse(readFileSync(`${ROOT}templates/input-columns-${lang}.json`, 'utf8')) as Record<string, unknown>;
}

function texts(lang: 'sv' | 'en'): TemplateTexts {
  const parsed = parseTemplateTexts(raw(lang));
  if ('problems' in parsed) throw new Error(parsed.problems.join('\n'));
  return parsed.texts;
}

describe('templates/input-columns-<lang>.json', () => {
  for (const lang of ['sv', 'en'] as const) {
    it(`${lang}: describes every participant column (what it is, its values, whether required) and every list`, () => {
      const t = texts(lang);
      expect(t.lang).toBe(lang);
      expect(Object.keys(t.columns).sort()).toEqual(PARTICIPANT_COLUMNS.map((c) => c.name).sort());
      for (const c of PARTICIPANT_COLUMNS) {
        const { about, values, required } = t.columns[c.name];
        expect([about, values, required].every((s) => s.trim().length > 0), c.name).toBe(true);
      }
      expect(Object.keys(t.lists).sort()).toEqual([...TEMPLATE_LIST_IDS].sort());
    });
  }

  it('fails loudly when a column description is missing, incomplete or unknown', () => {
    const withoutGender = raw('sv');
    const columns = { ...(withoutGender.columns as Record<string, unknown>) };
    delete columns.gender;
    columns.isced = { about: 'Utbildningsnivå', values: 'Välj 0–8.' };
    columns.shoe_size = { about: 'x', values: 'y', required: 'z' };
    const parsed = parseTemplateTexts({ ...withoutGender, columns });
    expect('problems' in parsed).toBe(true);
    const problems = 'problems' in parsed ? parsed.problems.join('\n') : '';
    expect(problems).toMatch(/columns\.gender/);
    expect(problems).toMatch(/columns\.isced\.required/);
    expect(problems).toMatch(/shoe_size/);
  });

  it('allows {values} only where a dropdown supplies them, and keeps error boxes within Excel’s limits', () => {
    const t = raw('en');
    const columns = t.columns as Record<string, Record<string, string>>;
    const bad = { ...t, columns: { ...columns, cohort: { ...columns.cohort, values: 'One of {values}.' } } };
    const parsed = parseTemplateTexts(bad);
    expect('problems' in parsed && parsed.problems.join('\n')).toMatch(/columns\.cohort\.values: \{values\} is only for columns with a dropdown list/);
    const longTitle = { ...t, validation: { ...(t.validation as object), dateTitle: 'x'.repeat(33) } };
    expect('problems' in parseTemplateTexts(longTitle)).toBe(true);
    const badSheet = { ...t, sheets: { participants: 'Participants', lists: 'Lists?' } };
    expect('problems' in parseTemplateTexts(badSheet)).toBe(true);
  });
});
