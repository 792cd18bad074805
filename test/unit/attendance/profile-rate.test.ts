import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRateOption, rateSource } from '../../../src/cli/attendance-input.js';
import { parseProjectProfile, type ProjectProfile } from '../../../src/project/profile.js';
import { ROOT } from '../../helpers/run-bin.js';

const raw = JSON.parse(readFileSync(`${ROOT}profiles/23-073-S10.json`, 'utf8')) as Record<string, unknown>;

function parse(data: unknown): ProjectProfile {
  const p = parseProjectProfile(data);
  if ('problems' in p) throw new Error(p.problems.join('; '));
  return p.profile;
}

describe("the profile's hourly rate for participants' time", () => {
  it('is unset in the built-in 23-073-S10 profile, which says why', () => {
    const profile = parse(raw);
    expect(profile.participantTime?.hourlyRates).toEqual([]);
    expect(profile.participantTime?.source).toMatch(/ESF-rådet/);
    expect(rateSource(profile, undefined)).toEqual({ kind: 'none', source: profile.participantTime?.source });
  });

  it('takes dated rates in SEK and gives them in öre, sorted; --rate wins', () => {
    const profile = parse({ ...raw, participantTime: { hourlyRates: [{ from: '2026-01-01', sek: 162.5 }, { from: '2025-01-01', sek: 155 }], source: 'beslut 2024-05-01' } });
    expect(rateSource(profile, undefined)).toEqual({
      kind: 'profile',
      source: 'beslut 2024-05-01',
      rates: [{ from: '2025-01-01', ore: 15500 }, { from: '2026-01-01', ore: 16250 }],
    });
    expect(rateSource(profile, 12345)).toEqual({ kind: 'option', ore: 12345 });
  });

  it('is optional, and a bad rate is refused', () => {
    const { participantTime: _, ...without } = raw;
    expect(parse(without).participantTime).toBeUndefined();
    const bad = (hourlyRates: unknown) => parseProjectProfile({ ...raw, participantTime: { hourlyRates, source: '' } });
    expect(bad([{ from: '2026-01-01', sek: 1.234 }])).toHaveProperty('problems');
    expect(bad([{ from: '2026-01-01', sek: -1 }])).toHaveProperty('problems');
    expect(bad([{ from: '2026-02-30', sek: 1 }])).toHaveProperty('problems');
    expect(bad([{ from: '2026-01-01', sek: 1 }, { from: '2026-01-01', sek: 2 }])).toHaveProperty('problems');
  });

  it('--rate takes SEK in Swedish forms and refuses zero, negatives and text', () => {
    expect(parseRateOption('150')).toBe(15000);
    expect(parseRateOption('162,37')).toBe(16237);
    expect(parseRateOption('1 162.5')).toBe(116250);
    expect(parseRateOption(undefined)).toBeUndefined();
    for (const bad of ['0', '-5', 'abc', '1,234']) expect(() => parseRateOption(bad), bad).toThrow(/--rate/);
  });
});
