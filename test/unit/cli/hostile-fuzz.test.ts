import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayName } from '../../../src/cli/display-name.js';
import { outputTo } from '../../../src/cli/io.js';
import { findingsWriter, renderValidationText, type FileSummaryView } from '../../../src/cli/render-findings.js';
import { readParticipants } from '../../../src/participants/read-participants.js';
import { bufferSource } from '../../../src/read/source.js';
import { CTX } from '../../helpers/participants.js';

// One synthetic personnummer (individual number 98x) in every written form people use.
const DIGITS = '8503129812';
const PNR_FORMS = ['850312-9812', '19850312-9812', '850312+9812', '850312.9812', '19850312_9812', '85 03 12 - 9812', '8503129812', '198503129812', '19850312-98122025-02-30'];
/** The ten digits with any of the separators between them: what must never be printed. */
const LEAK = new RegExp(DIGITS.split('').join('[-+._ ]{0,3}'));

const HEADER = 'participant_id,personnummer,gender,birth_date,entry_date,employment_status,unemployment_months,isced\n';
const piece = fc.oneof(
  fc.constantFrom(...PNR_FORMS),
  fc.constantFrom('"', ',', ';', '\n', '\r\n', '=cmd', '+1', '-2', '@x', '\t', '::error::', '%', 'P-1', 'woman', '2025-02-03', ''),
  fc.string({ maxLength: 6 }),
);
const fileName = fc.tuple(fc.constantFrom('', 'export-', '=', '::warning title=x::', 'a\n::add-mask::'), fc.constantFrom(...PNR_FORMS, 'plain'), fc.string({ maxLength: 4 })).map(([a, b, c]) => `${a}${b}${c}.csv`);

/** Reads the text as the CLI does and writes it in every format through the real output redaction. */
async function everyFormat(name: string, bytes: Uint8Array): Promise<Record<string, string>> {
  const summary: FileSummaryView = await readParticipants(bufferSource(displayName(name), bytes), CTX, {});
  const outputs: Record<string, string> = {};
  for (const format of ['json', 'github', 'csv'] as const) {
    let text = '';
    const out = outputTo((t) => (text += t), (t) => (text += t));
    const w = findingsWriter(format, 'en', out);
    w.begin();
    for (const f of summary.findings) w.finding(f, summary.file);
    w.end([summary]);
    outputs[format] = text;
  }
  let text = '';
  outputTo((t) => (text += t), (t) => (text += t)).out(renderValidationText([summary], 'sv', outputTo(() => {}, () => {}).color));
  outputs.text = text;
  return outputs;
}

describe('fuzzing the reader and every formatter', () => {
  it('random headers, mutated rows and hostile file names: no exception, no personnummer, no injection', async () => {
    await fc.assert(
      fc.asyncProperty(fileName, fc.array(piece, { maxLength: 60 }), fc.boolean(), async (name, pieces, withHeader) => {
        const bytes = Buffer.from((withHeader ? HEADER : '') + pieces.join(''), 'utf8');
        const outputs = await everyFormat(name, bytes);
        for (const [format, text] of Object.entries(outputs)) {
          expect(text, format).not.toMatch(LEAK);
        }
        JSON.parse(outputs.json!);
        for (const line of outputs.github!.split('\n')) {
          // a name holding a personnummer is masked and gets no file= (the masked name is no file)
          if (line.startsWith('::')) expect(line).toMatch(/^::(error|warning|notice) (file=[^:,\n]*(,line=\d+)?,)?title=[A-Z0-9_]+::/);
        }
        const rows = parse(outputs.csv!, { bom: true, relax_column_count: true }) as string[][];
        for (const row of rows) for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 150 },
    );
  });

  it('random bytes: findings or rows, never an exception, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fileName, async (bytes, name) => {
        const outputs = await everyFormat(name, bytes);
        JSON.parse(outputs.json!);
        for (const text of Object.values(outputs)) expect(text).not.toMatch(LEAK);
      }),
      { numRuns: 150 },
    );
  });
});
