import { describe, expect, it } from 'vitest';
import { diffExports, lastReportedMonth, type DiffEntry } from '../../../src/diff/diff-exports.js';
import { BASE_ROW, csv, readText } from '../../helpers/participants.js';

async function entries(rows: Record<string, string>[]): Promise<DiffEntry[]> {
  const { records } = await readText(csv(rows));
  return records.map((record) => ({ record, pnrKey: null }));
}

const A = { ...BASE_ROW, participant_id: 'P-1', entry_date: '2025-02-03' };
const B = { ...BASE_ROW, participant_id: 'P-2', entry_date: '2025-09-01', exit_date: '2025-11-20', exit_status: 'employed' };
const C = { ...BASE_ROW, participant_id: 'P-3', entry_date: '2026-02-02' };

describe('diffExports', () => {
  it('finds nothing between two equal exports, whatever the spelling', async () => {
    const sv = { ...A, gender: 'Kvinna', employment_status: 'arbetslös' };
    const d = diffExports(await entries([A, B]), await entries([sv, B]), '2026-10');
    expect([d.added, d.removed, d.changed, d.resend]).toEqual([[], [], [], null]);
  });

  it('lists added, removed and changed participants field by field', async () => {
    const d = diffExports(
      await entries([A, B]),
      await entries([{ ...A, isced: '5', disability: 'ja' }, C]),
      '2026-10',
    );
    expect(d.added).toEqual([{ participantId: 'P-3', line: 3 }]);
    expect(d.removed).toEqual([{ participantId: 'P-2', line: 3 }]);
    expect(d.changed).toEqual([
      {
        participantId: 'P-1',
        oldLine: 2,
        newLine: 2,
        changes: [
          { field: 'isced', old: '3', new: '5' },
          { field: 'disability', old: 'unknown', new: 'yes' },
        ],
      },
    ]);
  });

  it('re-sends from the earliest month whose SCB data changed through the last reported month', async () => {
    // P-2's exit moves from November to October 2025; P-1 only changes education (not reported to SCB)
    const d = diffExports(
      await entries([A, B]),
      await entries([{ ...A, isced: '6' }, { ...B, exit_date: '2025-10-30' }]),
      '2026-01',
    );
    expect(d.monthReasons).toEqual([
      { month: '2025-10', participantId: 'P-2', reason: 'exit-date' },
      { month: '2025-11', participantId: 'P-2', reason: 'exit-date' },
    ]);
    expect(d.resend).toEqual({ from: '2025-10', to: '2026-01', months: ['2025-10', '2025-11', '2025-12', '2026-01'] });
  });

  it('needs no re-send for a change in a month not yet reported', async () => {
    const d = diffExports(await entries([A]), await entries([A, { ...C, entry_date: '2026-11-02' }]), '2026-10');
    expect(d.monthReasons.map((r) => r.month)).toEqual(['2026-11']);
    expect(d.resend).toBeNull();
  });

  it('flags a changed personnummer without showing it', () => {
    const rec = (pnrKey: number | null) => ({ record: { line: 2, participantId: 'P-1', complete: true, entryDate: '2025-02-03', exitDate: null } as unknown as DiffEntry['record'], pnrKey });
    const d = diffExports([rec(199005019822)], [rec(199005019830)], '2026-10');
    expect(d.changed[0]!.changes).toEqual([{ field: 'personnummer', old: null, new: null }]);
    expect(d.monthReasons).toEqual([{ month: '2025-02', participantId: 'P-1', reason: 'personnummer' }]);
  });

  it('knows the last reported month', () => {
    expect(lastReportedMonth('2026-11-25')).toBe('2026-10');
    expect(lastReportedMonth('2027-01-05')).toBe('2026-12');
  });
});
