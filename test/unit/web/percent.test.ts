import { describe, expect, it } from 'vitest';
import { percent } from '../../../src/web/percent.js';

describe('the page’s percentages', () => {
  it('writes percentages as the language does', () => {
    expect(percent(0.2545, 'sv')).toBe('25,45 %');
    expect(percent(0.2545, 'en')).toBe('25.45 %');
    expect(percent(1, 'sv')).toBe('100 %');
    expect(percent(0.5, 'en')).toBe('50 %');
  });
});
