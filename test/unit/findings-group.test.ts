import { describe, expect, it } from 'vitest';
import { finding } from '../../src/findings/finding.js';
import { groupByCode } from '../../src/findings/group.js';
import { readingSummary } from '../../src/findings/reading-summary.js';

const f = (code: Parameters<typeof finding>[0], line: number | null, severity?: 'error' | 'warning') => finding(code, { file: 'x.csv', line }, {}, severity);

describe('groupByCode', () => {
  const findings = [
    f('REFERENCE_DUPLICATE', 9),
    f('EU_SHARE_ABOVE_RATE', null, 'warning'),
    f('AMOUNT_INVALID', 7),
    f('AMOUNT_INVALID', 3),
    f('EU_SHARE_ABOVE_RATE', null, 'error'),
    f('CATEGORY_INVALID', 5),
  ];
  const shape = (groups: ReturnType<typeof groupByCode>) => groups.map((g) => [g.code, g.severity, g.findings.map((x) => x.line)]);

  it('for a person: errors first, a code once whatever its severities, its findings in line order', () => {
    expect(shape(groupByCode(findings, { bySeverity: false, byLine: true }))).toEqual([
      ['EU_SHARE_ABOVE_RATE', 'error', [null, null]],
      ['AMOUNT_INVALID', 'error', [3, 7]],
      ['CATEGORY_INVALID', 'error', [5]],
      ['REFERENCE_DUPLICATE', 'warning', [9]],
    ]);
  });

  it('for the page: a code of two severities is two groups, in the order found', () => {
    expect(shape(groupByCode(findings, { bySeverity: true, byLine: false }))).toEqual([
      ['AMOUNT_INVALID', 'error', [7, 3]],
      ['EU_SHARE_ABOVE_RATE', 'error', [null]],
      ['CATEGORY_INVALID', 'error', [5]],
      ['REFERENCE_DUPLICATE', 'warning', [9]],
      ['EU_SHARE_ABOVE_RATE', 'warning', [null]],
    ]);
  });

  it('keeps the input as it was', () => {
    const before = findings.map((x) => x.line);
    groupByCode(findings, { bySeverity: false, byLine: true });
    expect(findings.map((x) => x.line)).toEqual(before);
  });
});

describe('readingSummary', () => {
  it('lists the reading and the counts in the documents’ key order, nothing else', () => {
    const s = { file: 'a.csv', excludedRows: 1, warnings: 2, errors: 3, rows: 4, delimiter: ';', encoding: 'utf-8', unusable: false };
    expect(Object.entries(readingSummary(s))).toEqual([
      ['encoding', 'utf-8'],
      ['delimiter', ';'],
      ['rows', 4],
      ['errors', 3],
      ['warnings', 2],
      ['excludedRows', 1],
    ]);
  });
});
