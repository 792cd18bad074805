import { describe, expect, it } from 'vitest';
import { columnWidths, displayWidth, rowHeights, textWidth, wrappedLines } from '../../../src/report/layout.js';
import { text, type SheetModel } from '../../../src/report/model.js';

function sheetOf(rows: SheetModel['rows'], extra: Partial<SheetModel> = {}): SheetModel {
  return { key: 'about', name: 'S', headerRows: 1, frozenColumns: 0, rows, merges: [], wrap: [], print: { header: '', footer: '' }, pagesTall: 0, ...extra };
}

describe('layout', () => {
  it('measures cells as they are shown, in widths of the digit 0', () => {
    expect(displayWidth({ kind: 'count', value: 1234 })).toBe(4);
    expect(displayWidth({ kind: 'rate', value: 0.1684 })).toBeCloseTo(3 + textWidth('.%'));
    expect(displayWidth({ kind: 'date', value: '2025-06-30' })).toBeCloseTo(8 + 2 * textWidth('-'));
    expect(displayWidth(text('ab\nabcdef'))).toBeCloseTo(textWidth('abcdef'));
    expect(displayWidth(text('abc', 1))).toBeCloseTo(textWidth('abc') + 2);
    // narrow and wide letters: a code in capitals is wider than as many lower-case letters
    expect(textWidth('EECO01')).toBeGreaterThan(textWidth('eeco01'));
    expect(textWidth('iiii')).toBeLessThan(textWidth('mmmm') / 2);
  });

  it('wraps at word boundaries; a word longer than a line breaks', () => {
    expect(wrappedLines('one two three', 40)).toBe(1);
    expect(wrappedLines('0000 0000 0000', 11)).toBe(2);
    expect(wrappedLines('0'.repeat(25), 11)).toBe(3);
    expect(wrappedLines('a\nb', 40)).toBe(2);
  });

  it('widths follow the longest content, capped for wrapped columns; spanning cells and titles do not count', () => {
    const sheet = sheetOf(
      [
        { style: 'title', cells: [text('A very long title that spans the whole sheet and must not widen column A')] },
        { style: 'header', cells: [text('Code'), text('Name')] },
        { style: 'data', cells: [text('EECO01'), text('x'.repeat(120))] },
        { style: 'data', cells: [{ kind: 'count', value: 123456 }, text('short')] },
        { style: 'group', cells: [text('A group heading spread over both columns')] },
      ],
      { wrap: [{ column: 2, maxWidth: 50 }], merges: [{ top: 5, left: 1, bottom: 5, right: 2 }] },
    );
    const widths = columnWidths(sheet);
    expect(widths[0]).toBeGreaterThanOrEqual(8);
    expect(widths[0]).toBeLessThan(12);
    expect(widths[1]).toBe(50);
    const heights = rowHeights(sheet, widths);
    expect(heights.get(3)).toBeGreaterThan(15);
    expect(heights.has(2)).toBe(false);
  });
});
