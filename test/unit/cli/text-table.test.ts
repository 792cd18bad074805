import { describe, expect, it } from 'vitest';
import { textTable } from '../../../src/cli/text-table.js';

describe('textTable: the one layout of the terminal tables', () => {
  it('pads each column to its widest text, aligns, rules and trims trailing blanks', () => {
    const lines = textTable({
      columns: [{ align: 'left' }, { align: 'right' }, { align: 'left' }],
      header: [
        ['quarter', 'total', 'checks'],
        ['', 'SEK', ''],
      ],
      rows: [{ cells: ['2025-Q1', '1 234,50', 'ok'] }, 'rule', { cells: ['cumulative', '0,00', ''] }],
      indent: '  ',
      ruleUnderHeader: true,
    });
    expect(lines).toEqual([
      '  quarter        total  checks',
      '                   SEK',
      '  ──────────  ────────  ──────',
      '  2025-Q1     1 234,50  ok',
      '  ──────────  ────────  ──────',
      '  cumulative      0,00',
    ]);
  });

  it('counts code points, so å ä ö take one column each', () => {
    expect(textTable({ columns: [{ align: 'left' }, { align: 'right' }], header: [['månad', 'år']], rows: [{ cells: ['maj', '2025'] }] })).toEqual([
      'månad    år',
      'maj    2025',
    ]);
  });

  it('spans a header over columns without widening them, shares widths, and places notes under a column', () => {
    const lines = textTable({
      columns: [
        { align: 'left' },
        { align: 'right', minWidth: 3, sameWidth: 'n' },
        { align: 'right', gap: ' ', minWidth: 3, sameWidth: 'n' },
      ],
      header: [
        ['', { text: 'Period', span: 2 }],
        ['Code', 'W', 'Total'],
      ],
      rows: [{ cells: ['EECO01', '1234', '5'] }, { note: 'a note', under: 1 }],
    });
    expect(lines).toEqual(['        Period', 'Code       W Total', 'EECO01  1234     5', '        a note']);
  });

  it('paints header lines, rules, whole rows and single cells after laying them out', () => {
    const mark = (tag: string) => (s: string) => `<${tag}>${s}</${tag}>`;
    const lines = textTable({
      columns: [{ align: 'left' }, { align: 'left' }],
      header: [['a', 'bb']],
      rows: [{ cells: ['x', { text: 'y', paint: mark('c') }] }, { cells: ['z', 'w'], paint: mark('r') }],
      ruleUnderHeader: true,
      paint: { header: mark('h'), rule: mark('d') },
    });
    // a painted cell keeps its padding inside the paint (trailing blanks outside any paint are trimmed)
    expect(lines).toEqual(['<h>a  bb</h>', '<d>─  ──</d>', 'x  <c>y </c>', '<r>z  w</r>']);
  });
});
