import { describe, expect, it } from 'vitest';
import { fillLabel, parseWorkbookLabels } from '../../../src/report/labels.js';
import { templateJson } from './sample.js';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('workbook templates', () => {
  it.each(['sv', 'en'] as const)('templates/workbook-%s.json is complete', (lang) => {
    const parsed = parseWorkbookLabels(templateJson(lang));
    expect('problems' in parsed ? parsed.problems : []).toEqual([]);
    if ('labels' in parsed) expect(parsed.labels.lang).toBe(lang);
  });

  it('the Swedish and English templates have the same labels', () => {
    expect(keyPaths(templateJson('sv')).sort()).toEqual(keyPaths(templateJson('en')).sort());
  });

  it('a missing label fails loudly, naming its path', () => {
    const data = templateJson('sv') as { summary: { fields: Record<string, unknown> }; about: { definitions: Record<string, unknown> } };
    delete data.summary.fields.orgNr;
    delete data.about.definitions.EECR05;
    const parsed = parseWorkbookLabels(data);
    expect('problems' in parsed).toBe(true);
    if ('problems' in parsed) {
      expect(parsed.problems.some((p) => p.startsWith('summary.fields.orgNr'))).toBe(true);
      expect(parsed.problems.some((p) => p.startsWith('about.definitions.EECR05'))).toBe(true);
    }
  });

  it('an empty label or a sheet name Excel refuses is rejected', () => {
    const data = templateJson('en') as { common: Record<string, unknown>; sheetNames: Record<string, unknown> };
    data.common.yes = '';
    data.sheetNames.about = 'About: this/that';
    const parsed = parseWorkbookLabels(data);
    expect('problems' in parsed && parsed.problems.map((p) => p.split(':')[0]).sort()).toEqual(['common.yes', 'sheetNames.about']);
  });
});

describe('fillLabel', () => {
  it('fills placeholders', () => {
    expect(fillLabel('Perioden {period} ({n})', { period: '2025-Q2', n: 3 })).toBe('Perioden 2025-Q2 (3)');
  });
  it('fills placeholders whose names hold digits (the HTML footer’s {sha256})', () => {
    expect(fillLabel('SHA-256 {sha256}', { sha256: 'ab12' })).toBe('SHA-256 ab12');
  });
  it('throws on a placeholder without a value', () => {
    expect(() => fillLabel('sida {page}', {})).toThrow(/\{page\}/);
  });
});
