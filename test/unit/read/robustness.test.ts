import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../../src/findings/codes.js';
import { renderFinding } from '../../../src/findings/render.js';
import { readText } from '../../helpers/participants.js';

const HEADER = 'participant_id;kön;födelsedatum;startdatum;slutdatum;arbetsmarknadsstatus;arbetslös_månader;utbildningsnivå;status_vid_avslut\n';

describe('bad input never crashes the reader', () => {
  it('arbitrary bytes give findings or rows, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const { summary } = await readText(bytes);
        for (const f of summary.findings) expect(FINDING_CODES[f.code]).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('mangled exports (quotes, delimiters, line breaks, odd values) give findings on real lines', async () => {
    const piece = fc.constantFrom('"', ';', ',', '\t', '\n', '\r\n', 'P-1', 'kvinna', '2025-02-30', '2025-02-03', '19900501-9822', 'ja', '', ' ', 'å', '\uFEFF', '999999');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 80 }), async (pieces) => {
        const text = HEADER + pieces.join('');
        const { summary } = await readText(text);
        const lines = text.split('\n').length;
        for (const f of summary.findings) {
          if (f.line !== null) expect(f.line).toBeGreaterThanOrEqual(1);
          if (f.line !== null) expect(f.line).toBeLessThanOrEqual(lines);
          const rendered = renderFinding(f, 'sv');
          expect(rendered.message).not.toMatch(/\d{6}-?\d{4}/);
        }
        expect(summary.rows).toBeGreaterThanOrEqual(summary.excludedRows);
      }),
      { numRuns: 300 },
    );
  });
});
