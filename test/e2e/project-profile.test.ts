import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';

/** Another ESF+ project: a copy of the built-in profile with other identity, size, rates and targets. */
function otherProfile(dir: string, change: (p: Record<string, unknown>) => void): string {
  const profile = JSON.parse(readFileSync(`${ROOT}profiles/23-073-S10.json`, 'utf8')) as Record<string, unknown>;
  change(profile);
  const file = join(dir, 'profile.json');
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

describe('--project: another project needs no code change', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esf-profile-'));

  it('takes identity, planned participants and target rates from the profile', async () => {
    const file = otherProfile(dir, (p) => {
      p.id = '99-001-X1';
      p.name = 'Testprojektet';
      p.plannedParticipants = 100;
      p.targets = [
        { id: 'T-PART', rate: 1 },
        { id: 'T-EMP', rate: 0.07 },
      ];
      p.reference = null;
    });
    const r = await runBin(['indicators', 'fixtures/participants.csv', '--period', 'project', '--format', 'json', '--project', file]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.project).toEqual({ id: '99-001-X1', name: 'Testprojektet' });
    const ids = doc.targets.map((t: { id: string }) => t.id);
    expect(ids).toEqual(['T-PART', 'T-EMP', 'T-TRANS']);
    expect(doc.targets[0]).toMatchObject({ targetCount: 100, base: 100 });
    expect(doc.targets[1]).toMatchObject({ targetRate: 0.07, targetCount: 7 });
    expect(doc.targets[2].reference).toBeNull();
  });

  it('checks the ledger against the profile rates', async () => {
    const file = otherProfile(dir, (p) => {
      p.rates = { eu: 0.5, flatRate: 0.4 };
    });
    const r = await runBin(['finance', 'fixtures/ledger/ledger.csv', '--format', 'json', '--project', file]);
    const doc = JSON.parse(r.stdout);
    expect(doc.rates).toEqual({ eu: 0.5, flatRate: 0.4 });
    expect(doc.cumulative.expectedEu).toBeGreaterThan(doc.cumulative.financing.eu);
  });

  it('refuses a broken profile with a clear usage error (exit 2)', async () => {
    const file = otherProfile(dir, (p) => {
      p.period = { start: '2027-01-01', end: '2026-01-01' };
      p.rates = { eu: 1.4, flatRate: null };
    });
    const r = await runBin(['validate', 'fixtures/participants.csv', '--project', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a valid project profile');
    expect(r.stderr).toContain('rates.eu');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const missing = await runBin(['validate', 'fixtures/participants.csv', '--project', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
  });
});
