import { describe, expect, it } from 'vitest';
import type { TargetResult } from '../../../src/indicators/result.js';
import { percent, progressBarSvg } from '../../../src/web/progress-bar.js';

const split = { women: 1, men: 1, nonBinary: 0, total: 2 };
const target = (over: Partial<TargetResult>): TargetResult => ({
  id: 'T-EMP', name: 'Employment', targetRate: 0.25, targetCount: 30, base: 110, achieved: split, rate: 0.2545, onTrack: true, ...over,
});

describe('the target progress bar', () => {
  it('writes percentages as the language does', () => {
    expect(percent(0.2545, 'sv')).toBe('25,45 %');
    expect(percent(0.2545, 'en')).toBe('25.45 %');
    expect(percent(1, 'sv')).toBe('100 %');
    expect(percent(0.5, 'en')).toBe('50 %');
  });

  it('is an image with a sentence for a name, the bar as long as the rate and the mark at the goal', () => {
    const svg = progressBarSvg(target({}), 'sv', 'Anställning');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Anställning: 25,45 % av målet 25 %"');
    expect(svg).toContain('<rect x="0" y="3" width="40.7" height="12" fill="#1d6b3a"/>'); // 0.2545 × 160
    expect(svg).toContain('<rect x="40" y="0" width="2" height="18" fill="#000000"/>'); // 0.25 × 160
  });

  it('marks a target that is behind, clips above 100 % and says when there is no goal or no rate', () => {
    expect(progressBarSvg(target({ onTrack: false }), 'en', 'Employment')).toContain('fill="#a4262c"');
    expect(progressBarSvg(target({ rate: 1.3 }), 'en', 'Employment')).toContain('width="160"');
    expect(progressBarSvg(target({ targetRate: null, onTrack: null }), 'en', 'Work or studies')).toContain('(no target, reference)');
    const none = progressBarSvg(target({ rate: null }), 'en', 'Employment');
    expect(none).toContain('aria-label="Employment: no rate yet"');
    expect(none).not.toContain('fill="#1d6b3a"');
  });

  it('escapes the name', () => {
    expect(progressBarSvg(target({}), 'en', 'A & <B>')).toContain('A &amp; &lt;B&gt;');
  });
});
