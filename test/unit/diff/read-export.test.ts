import { describe, expect, it } from 'vitest';
import { diffEntryCollector } from '../../../src/diff/read-export.js';
import { computeIndicators } from '../../../src/indicators/run.js';
import { bufferSource, type ByteSource } from '../../../src/read/source.js';
import { PROFILE } from '../indicators/build.js';

const HEADER =
  'participant_id,personnummer,gender,birth_date,entry_date,exit_date,employment_status,unemployment_months,isced,exit_status';

describe('diffEntryCollector: the diff entries of an export, from the pass that computes its indicators', () => {
  it('collects every record once, with an opaque personnummer key, in the same read', async () => {
    const text = [
      HEADER,
      'P-1,19850314-9810,woman,1985-03-14,2025-01-20,,unemployed,14,3,',
      'P-2,,man,1992-11-02,2025-02-03,,unemployed,30,2,',
    ].join('\n');
    const source = bufferSource('x.csv', new TextEncoder().encode(text), 64);
    let opened = 0;
    const counted: ByteSource = { name: source.name, open: () => (opened++, source.open()) };
    const opts = { period: { label: '2025-Q1', start: '2025-01-01', end: '2025-03-31' }, asOf: '2025-06-30', today: '2025-06-30' };
    await computeIndicators(counted, PROFILE, opts);
    const alone = opened;
    const collector = diffEntryCollector('2025-06-30');
    const outcome = await computeIndicators(counted, PROFILE, opts, collector.onRecord);
    // the entries come with the indicators: no second reading of the file
    expect(opened - alone).toBe(alone);
    expect(outcome.usable).toBe(true);
    expect(collector.entries.map((e) => e.record.participantId)).toEqual(['P-1', 'P-2']);
    expect(typeof collector.entries[0]!.pnrKey).toBe('number');
    expect(collector.entries[1]!.pnrKey).toBeNull();
  });
});
