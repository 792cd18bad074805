import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/findings/catalogue.js';
import { ALL_FINDING_CODES } from '../../src/findings/codes.js';
import { finding } from '../../src/findings/finding.js';
import { CATALOGUES, findingHint, findingMessage } from '../../src/findings/render.js';

describe('message catalogues', () => {
  it('have a message and a fix hint for every code in both languages', () => {
    for (const lang of LANGS) {
      expect(Object.keys(CATALOGUES[lang]).sort()).toEqual([...ALL_FINDING_CODES].sort());
      for (const code of ALL_FINDING_CODES) {
        const text = findingMessage(finding(code, { file: 'f.csv', line: 2, column: 'gender' }, { found: 'x' }), lang);
        expect(text.trim().length, `${lang} ${code}`).toBeGreaterThan(10);
        expect(findingHint(code, lang).trim().length, `${lang} hint ${code}`).toBeGreaterThan(10);
        expect(text).not.toContain('undefined');
      }
    }
  });

  it('are really translated: Swedish and English differ for every code', () => {
    for (const code of ALL_FINDING_CODES) {
      expect(findingHint(code, 'sv')).not.toBe(findingHint(code, 'en'));
    }
  });

  it('name the column in the message language', () => {
    const f = finding('VALUE_MISSING', { file: 'f.csv', line: 3, column: 'unemployment_months' });
    expect(findingMessage(f, 'en')).toMatch(/^unemployment_months: /);
    expect(findingMessage(f, 'sv')).toMatch(/^arbetslös_månader: /);
  });
});
