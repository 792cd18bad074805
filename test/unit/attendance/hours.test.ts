import { describe, expect, it } from 'vitest';
import { formatQuarters, formatQuartersSv, parseHours } from '../../../src/attendance/hours.js';

describe('parseHours', () => {
  it('reads decimal comma and point, whole hours and h:mm in quarter hours', () => {
    expect(parseHours('7')).toBe(28);
    expect(parseHours('7,5')).toBe(30);
    expect(parseHours('7.5')).toBe(30);
    expect(parseHours('7,25')).toBe(29);
    expect(parseHours('0.75')).toBe(3);
    expect(parseHours('7,50')).toBe(30);
    expect(parseHours(' 13 ')).toBe(52);
    expect(parseHours('7:30')).toBe(30);
    expect(parseHours('0:15')).toBe(1);
  });

  it('parses zero and negative values for the range rule', () => {
    expect(parseHours('0')).toBe(0);
    expect(parseHours('-2')).toBe(-8);
    expect(parseHours('-0')).toBe(0);
  });

  it('tells numbers that are not quarter hours from text that is no number', () => {
    expect(parseHours('7,3')).toBe('quarter');
    expect(parseHours('7.1')).toBe('quarter');
    expect(parseHours('7:20')).toBe('quarter');
    expect(parseHours('sju')).toBe('form');
    expect(parseHours('7,125')).toBe('form');
    expect(parseHours('1 000')).toBe('form');
    expect(parseHours('7:75')).toBe('form');
    expect(parseHours('')).toBe('form');
  });
});

describe('formatQuarters', () => {
  it('writes quarter hours as exact decimals', () => {
    expect(formatQuarters(30)).toBe('7.50');
    expect(formatQuarters(287)).toBe('71.75');
    expect(formatQuarters(1)).toBe('0.25');
    expect(formatQuarters(0)).toBe('0.00');
    expect(formatQuartersSv(29)).toBe('7,25');
  });
});
