import { describe, expect, it } from 'vitest';
import { finding, type Finding } from '../../src/findings/finding.js';
import { countsOf, cutCodes, FindingTally, totalOf } from '../../src/findings/tally.js';

const at = (line: number): Finding => finding('DATE_INVALID', { file: 'f.csv', line, column: 'entry_date' }, { found: 'x' });

describe('FindingTally', () => {
  it('keeps at most N of a code, counts all, and streams every one', () => {
    const heard: number[] = [];
    const t = new FindingTally(3, (f) => heard.push(f.line!));
    for (let i = 1; i <= 10; i++) t.add(at(i));
    t.add(finding('STATUS_6M_MISSING', { file: 'f.csv', line: 11 }));
    expect(t.kept.map((f) => f.line)).toEqual([1, 2, 3, 11]);
    expect(t.counts()).toEqual({ DATE_INVALID: 10, STATUS_6M_MISSING: 1 });
    expect([t.errors, t.warnings, t.truncated]).toEqual([10, 1, true]);
    expect(heard).toHaveLength(11);
  });

  it('counts a plain list when a reader keeps every finding', () => {
    const counts = countsOf({ findings: [at(1), at(2)] });
    expect(counts).toEqual({ DATE_INVALID: 2 });
    expect(totalOf(counts)).toBe(2);
  });

  it('names the codes cut short: how many were kept and how many there are, in the catalogue order', () => {
    const t = new FindingTally(3);
    for (let i = 1; i <= 10; i++) t.add(at(i));
    t.add(finding('STATUS_6M_MISSING', { file: 'f.csv', line: 11 }));
    expect(cutCodes({ findings: t.kept, findingCounts: t.counts() })).toEqual([{ code: 'DATE_INVALID', listed: 3, total: 10 }]);
    expect(cutCodes({ findings: [at(1), at(2)] })).toEqual([]);
  });
});
