import iconv from 'iconv-lite';
import { readParticipants } from '../../src/participants/read-participants.js';
import type { ParticipantRecord } from '../../src/participants/record.js';
import type { EncodingName } from '../../src/read/encoding.js';
import { bufferSource } from '../../src/read/source.js';
import type { Delimiter } from '../../src/read/table.js';

export const TODAY = '2026-11-25';
export const CTX = { today: TODAY, asOf: TODAY, projectStart: '2024-08-01', projectEnd: '2027-07-31' };

/** A valid row of the participant export (canonical columns), to be overridden per test. */
export const BASE_ROW: Readonly<Record<string, string>> = {
  participant_id: 'P-0001',
  gender: 'woman',
  birth_date: '1990-05-01',
  entry_date: '2025-02-03',
  employment_status: 'unemployed',
  unemployment_months: '14',
  isced: '3',
};

/** Builds a CSV text from rows of canonical column → value (header = union of keys, in first-seen order). */
export function csv(rows: readonly Record<string, string>[], delimiter = ','): string {
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  const q = (v: string) => (/[",;\t\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [cols.join(delimiter), ...rows.map((r) => cols.map((c) => q(r[c] ?? '')).join(delimiter))].join('\n') + '\n';
}

/** Runs the participant reader over text (UTF-8 unless an encoding is given) and returns summary and records. */
export async function readText(
  text: string | Uint8Array,
  opts: { encoding?: EncodingName; delimiter?: Delimiter; asOf?: string; file?: string; chunkSize?: number; bytesAs?: string } = {},
) {
  const bytes = typeof text === 'string' ? (opts.bytesAs ? iconv.encode(text, opts.bytesAs) : Buffer.from(text, 'utf8')) : text;
  const records: ParticipantRecord[] = [];
  const summary = await readParticipants(
    bufferSource(opts.file ?? 'test.csv', bytes, opts.chunkSize),
    { ...CTX, asOf: opts.asOf ?? CTX.asOf },
    { encoding: opts.encoding, delimiter: opts.delimiter },
    (r) => records.push(r),
  );
  return { summary, records, codes: summary.findings.map((f) => `${f.code}@${f.line ?? '-'}:${f.column ?? '-'}`) };
}

/** Reads a single row merged over BASE_ROW; returns the codes found on it. */
export async function rowCodes(overrides: Record<string, string>, opts: { asOf?: string } = {}) {
  const row = { ...BASE_ROW, ...overrides };
  const { summary, records } = await readText(csv([row]), opts);
  return { codes: summary.findings.map((f) => f.code), findings: summary.findings, record: records[0]! };
}
