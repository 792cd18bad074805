import { describe, expect, it } from 'vitest';
import { monthRange } from '../../../src/month/calendar.js';
import { emptySentFile, markSent, monthStatuses, parseSentFile, serializeSentFile, type SentFile } from '../../../src/month/sent-file.js';
import { luhnCheckDigit } from '../../../src/participants/personnummer.js';
import { PERSONNUMMER_SHAPE } from '../../helpers/run-bin.js';
import { editCsv, FIXTURE, PROJECT, readExport, TODAY } from './helpers.js';

type Current = Awaited<ReturnType<typeof readExport>>['current'];

/** Records every month from the project start to `last` as sent, in order, from the export as it is. */
function sendInOrder(current: Current, last: string, sent: SentFile = emptySentFile('23-073-S10')): SentFile {
  for (const month of monthRange('2024-08', last)) sent = markSent(sent, month, current(month), '2026-01-05');
  return sent;
}

const statusOf = (sent: SentFile, current: Current, asOf = TODAY) =>
  new Map(monthStatuses({ projectStart: PROJECT.start, projectEnd: PROJECT.end, asOf, sent, current }).map((m) => [m.month, m]));

describe('what is due', () => {
  it('says not yet open, open, overdue and sent by the calendar of SCB', async () => {
    const { current } = await readExport(FIXTURE);
    const sent = sendInOrder(current, '2026-08');
    const s = statusOf(sent, current, '2026-11-25');
    expect(s.get('2024-08')!.state).toBe('sent');
    expect(s.get('2026-08')).toMatchObject({ state: 'sent', sentOn: '2026-01-05' });
    expect(s.get('2026-09')).toMatchObject({ state: 'overdue', due: '2026-10-28' });
    expect(s.get('2026-10')).toMatchObject({ state: 'open', opens: '2026-11-01', due: '2026-11-28' });
    expect(s.get('2026-11')).toMatchObject({ state: 'not-open', opens: '2026-12-01' });
    expect(s.has('2026-12')).toBe(false);
    expect([...s.keys()][0]).toBe('2024-08');
  });
});

describe('what must be re-sent', () => {
  it('makes a corrected early month and every later sent month "must be re-sent", naming who changed', async () => {
    const before = await readExport(FIXTURE);
    const sent = sendInOrder(before.current, '2026-09');
    const after = await readExport(editCsv(FIXTURE, 'P-0003', 'isced', '4')); // a starter of 2024-09
    const s = statusOf(sent, after.current);
    expect(s.get('2024-08')!.state).toBe('sent');
    expect(s.get('2024-09')).toMatchObject({ state: 'resend', reason: { kind: 'changed', participants: ['P-0003'], personnummer: false } });
    for (const month of monthRange('2024-10', '2026-09')) {
      expect(s.get(month), month).toMatchObject({ state: 'resend', reason: { kind: 'earlier-changed', month: '2024-09' } });
    }
    expect(s.get('2026-10')!.state).toBe('open'); // never sent: nothing to re-send
  });

  it('leaves the months before a changed later month alone', async () => {
    const before = await readExport(FIXTURE);
    const sent = sendInOrder(before.current, '2026-09');
    const after = await readExport(editCsv(FIXTURE, 'P-0068', 'entry_date', '2026-02-16')); // a starter of 2026-02, same month
    const s = statusOf(sent, after.current);
    for (const month of monthRange('2024-08', '2026-01')) expect(s.get(month)!.state, month).toBe('sent');
    expect(s.get('2026-02')).toMatchObject({ state: 'resend', reason: { kind: 'changed', participants: ['P-0068'] } });
    expect(s.get('2026-03')).toMatchObject({ state: 'resend', reason: { kind: 'earlier-changed', month: '2026-02' } });
  });

  it('sees a new participant and a removed one in their months, by ID', async () => {
    const before = await readExport(FIXTURE);
    const sent = sendInOrder(before.current, '2026-09');
    const removed = FIXTURE.split('\n').filter((l) => !l.startsWith('P-0004,')).join('\n');
    const s = statusOf(sent, (await readExport(removed)).current);
    expect(s.get('2024-09')!.reason).toMatchObject({ kind: 'changed', participants: ['P-0004'] });
    expect(s.get('2024-12')!.reason).toMatchObject({ kind: 'changed', participants: ['P-0004'] }); // P-0004 left in December
  });

  it('notices a corrected personnummer without storing or naming the number', async () => {
    const before = await readExport(FIXTURE);
    const sent = sendInOrder(before.current, '2026-09');
    const fresh = `19710514-995${luhnCheckDigit('710514995')}`;
    const s = statusOf(sent, (await readExport(editCsv(FIXTURE, 'P-0001', 'personnummer', fresh))).current);
    expect(s.get('2024-09')).toMatchObject({ state: 'resend', reason: { kind: 'changed', participants: [], personnummer: true } });
  });

  it('ignores an exit status typed in after the month was sent (it is not in the fingerprint)', async () => {
    const before = await readExport(FIXTURE);
    const sent = sendInOrder(before.current, '2026-09');
    const s = statusOf(sent, (await readExport(editCsv(FIXTURE, 'P-0001', 'exit_status', 'employed'))).current);
    expect([...s.values()].filter((m) => m.state === 'resend')).toEqual([]);
  });

  it('after re-sending in order every month is sent again; a month sent before an earlier one must be re-sent', async () => {
    const before = await readExport(FIXTURE);
    let sent = sendInOrder(before.current, '2026-09');
    const after = await readExport(editCsv(FIXTURE, 'P-0003', 'isced', '4'));
    for (const month of monthRange('2024-09', '2026-09')) sent = markSent(sent, month, after.current(month), '2026-11-25');
    expect([...statusOf(sent, after.current).values()].filter((m) => m.state === 'resend')).toEqual([]);

    let outOfOrder = markSent(emptySentFile('23-073-S10'), '2024-09', before.current('2024-09'), '2026-01-05');
    outOfOrder = markSent(outOfOrder, '2024-08', before.current('2024-08'), '2026-01-06');
    expect(statusOf(outOfOrder, before.current).get('2024-09')).toMatchObject({
      state: 'resend',
      reason: { kind: 'earlier-sent-later', month: '2024-08' },
    });
  });
});

describe('the sent file', () => {
  it('holds months, dates, fingerprints and participant IDs, never a personnummer, and reads back', async () => {
    const { current } = await readExport(FIXTURE);
    const sent = sendInOrder(current, '2026-09');
    const text = serializeSentFile(sent);
    // hex digests may hold digit runs by chance: the shape check reads everything else
    expect(text.replace(/"[0-9a-f]{16,64}"/g, '""')).not.toMatch(PERSONNUMMER_SHAPE);
    for (const line of FIXTURE.split('\n').slice(1)) {
      const pnr = line.split(',')[1];
      if (pnr) for (const form of [pnr, pnr.replace('-', ''), pnr.slice(2)]) expect(text).not.toContain(form);
    }
    const parsed = parseSentFile(JSON.parse(text));
    expect(parsed).toEqual({ sent });
    expect(Object.keys(sent.months.find((m) => m.month === '2024-09')!.participants)).toContain('P-0003');
  });

  it('explains what is wrong with a damaged file', () => {
    expect(parseSentFile({ schema: 'x' })).toMatchObject({ problems: expect.arrayContaining([expect.stringMatching(/^schema: /)]) });
    const dup = { schema: 'esf-report/scb-sent@1', project: 'p', months: [1, 2].map((seq) => ({ month: '2025-01', seq, sentOn: '2025-02-03', fingerprint: 'a'.repeat(64), participants: {} })) };
    expect(parseSentFile(dup)).toEqual({ problems: ['months: 2025-01 appears twice'] });
    const bad = { ...dup, months: [{ ...dup.months[0], month: '2025-1' }] };
    expect(parseSentFile(bad)).toMatchObject({ problems: [expect.stringMatching(/^months\.0\.month: expected a month YYYY-MM/)] });
  });
});
