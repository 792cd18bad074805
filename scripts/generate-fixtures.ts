/**
 * Writes the synthetic fixtures (see fixtures/README.md).
 *
 *   node dist/scripts/generate-fixtures.js                 the two realistic fixtures
 *   node dist/scripts/generate-fixtures.js --bad           fixtures/bad/ and its expected.json
 *   node dist/scripts/generate-fixtures.js --count 1000000 --out /tmp/p1m.csv
 *   node dist/scripts/generate-fixtures.js --out x.csv --swedish-excel
 *
 * Deterministic: the same arguments always give the same bytes.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import {
  CANONICAL_COLUMNS,
  SWEDISH_COLUMNS,
  csvRecord,
  generateParticipants,
  makePersonnummer,
  mulberry32,
  parseIso,
  toSwedishRow,
} from './participants-generator.js';
import type { CanonicalColumn, ParticipantRow } from './participants-generator.js';

/** Defaults of the realistic fixtures: an export taken on 2026-11-20. */
export const DEFAULT_COUNT = 110;
export const DEFAULT_SEED = 2024_08_01;
export const DEFAULT_EXPORT_DATE = '2026-11-20';

const ROWS_PER_CHUNK = 2000;

interface CsvFormat {
  delimiter: string;
  eol: string;
  swedish: boolean;
  encoding: 'utf-8' | 'windows-1252';
}

const ENGLISH_CSV: CsvFormat = { delimiter: ',', eol: '\n', swedish: false, encoding: 'utf-8' };
const SWEDISH_EXCEL_CSV: CsvFormat = { delimiter: ';', eol: '\r\n', swedish: true, encoding: 'windows-1252' };

/** The file's chunks: header, then batches of rows; text for UTF-8, bytes for Windows-1252. */
async function* csvChunks(rows: Iterable<ParticipantRow>, format: CsvFormat): AsyncGenerator<Buffer> {
  const encode = (text: string): Buffer => (format.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'win1252'));
  const header = format.swedish ? SWEDISH_COLUMNS : CANONICAL_COLUMNS;
  let batch = csvRecord(header, format.delimiter) + format.eol;
  let inBatch = 0;
  for (const row of rows) {
    const values = format.swedish ? toSwedishRow(row) : row;
    batch += csvRecord(CANONICAL_COLUMNS.map((c) => values[c] ?? ''), format.delimiter) + format.eol;
    if (++inBatch === ROWS_PER_CHUNK) {
      yield encode(batch);
      batch = '';
      inBatch = 0;
    }
  }
  if (batch !== '') yield encode(batch);
}

/** Streams generated rows to `file` (via a temporary file and a rename), honouring backpressure. */
async function writeParticipantsFile(file: string, count: number, seed: number, exportDate: string, format: CsvFormat): Promise<void> {
  if (file !== '-') mkdirSync(dirname(file), { recursive: true });
  const rows = generateParticipants({ count, seed, exportDate });
  const source = Readable.from(csvChunks(rows, format), { objectMode: false });
  if (file === '-') {
    await pipeline(source, process.stdout);
    return;
  }
  if (existsSync(file) && !statSync(file).isFile()) {
    // A device or pipe (/dev/null, a FIFO): write straight to it, never rename over it.
    await pipeline(source, createWriteStream(file));
    return;
  }
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await pipeline(source, createWriteStream(tmp));
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** The repository root: the nearest folder above this script with esf-report's package.json. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'esf-report') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

// ---------------------------------------------------------------------------------------------
// fixtures/bad/: one small file per bad-input case, with the findings each must produce

type Row = Partial<Record<CanonicalColumn, string>>;

interface ExpectedFinding {
  severity: 'error' | 'warning';
  code: string;
  line: number | null;
  column: string | null;
}

interface BadFixture {
  file: string;
  /** What the file tests (README and expected.json). */
  tests: string;
  bytes: Buffer;
  /** Exit code of `validate` with ESF_REPORT_TODAY=2026-11-25. */
  exit: 0 | 1 | 2;
  findings: ExpectedFinding[];
}

const WARNING_CODES = new Set([
  'COLUMN_UNKNOWN',
  'PNR_GENDER_MISMATCH',
  'STATUS_6M_MISSING',
  'UNEMPLOYMENT_MONTHS_IGNORED',
  'IMPROVED_NOT_EMPLOYED',
  'AGE_OUTSIDE_WORKING_AGE',
  'COHORT_INVALID',
  'COHORT_MISMATCH',
]);

function f(code: string, line: number | null, column: string | null): ExpectedFinding {
  return { severity: WARNING_CODES.has(code) ? 'warning' : 'error', code, line, column };
}

/** Columns of most bad files: the header-required ones plus those the cases need. */
const BAD_HEADER: readonly CanonicalColumn[] = [
  'participant_id',
  'personnummer',
  'gender',
  'birth_date',
  'entry_date',
  'exit_date',
  'cohort',
  'employment_status',
  'unemployment_months',
  'isced',
  'disability',
  'exit_status',
  'qualification_gained',
  'status_6m',
  'improved_situation_6m',
  'work_training_start',
  'studies_start',
  'employment_start',
  'network_expanded',
];

/** The 10-digit form YYMMDD-NNNC of a 12-digit YYYYMMDD-NNNC. */
function tenDigit(pnr12: string): string {
  return pnr12.slice(2);
}

/** Swaps the check digit for a wrong one. */
function wrongCheckDigit(pnr: string): string {
  const last = Number(pnr.at(-1));
  return pnr.slice(0, -1) + String((last + 5) % 10);
}

// Valid base rows (synthetic personnummer, individual numbers 980–999), each clean on 2026-11-25.
const W1: Row = {
  participant_id: 'B-001', personnummer: makePersonnummer('1985-03-14', 982), gender: 'woman', birth_date: '1985-03-14',
  entry_date: '2025-01-20', exit_date: '2025-04-11', cohort: '2025-VT', employment_status: 'unemployed', unemployment_months: '14',
  isced: '3', disability: 'no', exit_status: 'job_searching', qualification_gained: 'no', status_6m: 'employed',
  work_training_start: '2025-02-17', employment_start: '2025-06-02', network_expanded: 'yes',
};
const M2: Row = {
  participant_id: 'B-002', personnummer: makePersonnummer('1992-11-02', 981), gender: 'man', birth_date: '1992-11-02',
  entry_date: '2025-08-25', exit_date: '2025-11-14', cohort: '2025-HT', employment_status: 'unemployed', unemployment_months: '30',
  isced: '2', exit_status: 'employed', qualification_gained: 'yes', status_6m: 'employed', employment_start: '2025-11-10',
  network_expanded: 'yes',
};
const N3: Row = {
  participant_id: 'B-003', gender: 'non_binary', birth_date: '1999-06-30', entry_date: '2026-09-01', cohort: '2026-HT',
  employment_status: 'inactive', isced: '5', disability: 'declined',
};
const W4: Row = {
  participant_id: 'B-004', personnummer: makePersonnummer('1968-02-09', 984), gender: 'woman', birth_date: '',
  entry_date: '2026-01-19', exit_date: '2026-04-10', cohort: '2026-VT', employment_status: 'unemployed', unemployment_months: '48',
  isced: '1', disability: 'yes', exit_status: 'education_training', qualification_gained: 'no', status_6m: 'education_training',
  studies_start: '2026-04-13', network_expanded: 'yes',
};
const M5: Row = {
  participant_id: 'B-005', personnummer: makePersonnummer('1979-07-21', 983), gender: 'man', birth_date: '1979-07-21',
  entry_date: '2024-08-26', exit_date: '2024-11-15', cohort: '2024-HT', employment_status: 'employed', isced: '6',
  disability: 'unknown', exit_status: 'employed', qualification_gained: 'yes', status_6m: 'employed', improved_situation_6m: 'yes',
  network_expanded: 'yes',
};
const M6: Row = {
  participant_id: 'B-006', personnummer: makePersonnummer('2001-05-05', 985), gender: 'man', birth_date: '2001-05-05',
  entry_date: '2026-08-31', cohort: '2026-HT', employment_status: 'unemployed', unemployment_months: '7', isced: '3',
  work_training_start: '2026-10-05',
};

/** A raw line, written as is (for broken records). */
interface Raw {
  raw: string;
}

function csvText(header: readonly string[], rows: readonly (Row | Raw)[], columns: readonly CanonicalColumn[], delimiter = ',', eol = '\n'): string {
  let text = csvRecord(header, delimiter) + eol;
  for (const row of rows) {
    text += ('raw' in row ? (row as Raw).raw : csvRecord(columns.map((c) => (row as Row)[c] ?? ''), delimiter)) + eol;
  }
  return text;
}

/** A UTF-8 CSV in the common bad-file layout. */
function badCsv(rows: readonly (Row | Raw)[], header: readonly CanonicalColumn[] = BAD_HEADER): Buffer {
  return Buffer.from(csvText(header, rows, header), 'utf8');
}

function line(row: Row, columns: readonly CanonicalColumn[] = BAD_HEADER): string {
  return csvRecord(columns.map((c) => row[c] ?? ''), ',');
}

function garbageBytes(): Buffer {
  const next = mulberry32(0x0bad_f11e);
  const bytes = Buffer.alloc(384);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
  // Deterministic features: NUL bytes, and bytes Windows-1252 leaves undefined, no BOM in front.
  bytes[0] = 0x50;
  for (const at of [9, 64, 65, 200, 383]) bytes[at] = 0x00;
  bytes[31] = 0x81;
  bytes[97] = 0x8d;
  bytes[150] = 0x90;
  return bytes;
}

/** Every bad-input case. Lines are physical (header = line 1); today = 2026-11-25. */
export function badFixtures(): BadFixture[] {
  const pnrW1 = W1.personnummer!;
  const swedishHeader = (columns: readonly CanonicalColumn[]): string[] =>
    columns.map((c) => SWEDISH_COLUMNS[CANONICAL_COLUMNS.indexOf(c)]!);
  const svRows = [W1, M2, N3, W4, M5].map((r) => toSwedishRow(r));

  return [
    {
      file: 'date-invalid.csv',
      tests: 'dates that are no such day or not in an accepted form (2026-02-30, 05/10/2026)',
      bytes: badCsv([W1, { ...N3, entry_date: '2026-02-30', cohort: '' }, W4, { ...M6, work_training_start: '05/10/2026' }]),
      exit: 1,
      findings: [f('DATE_INVALID', 3, 'entry_date'), f('DATE_INVALID', 5, 'work_training_start')],
    },
    {
      file: 'date-after-today.csv',
      tests: 'dates after today (2026-12-15 with today 2026-11-25); a date equal to today is fine',
      bytes: badCsv([W1, { ...M6, work_training_start: '2026-12-15' }, { ...W4, employment_start: '2026-11-25' }, { ...N3, entry_date: '2026-12-15', cohort: '' }]),
      exit: 1,
      findings: [f('DATE_AFTER_TODAY', 3, 'work_training_start'), f('DATE_AFTER_TODAY', 5, 'entry_date')],
    },
    {
      file: 'date-outside-project.csv',
      tests: 'entry and exit before the project start 2024-08-01; entry on 2024-08-01 itself is fine',
      bytes: badCsv([
        W1,
        { ...N3, entry_date: '2024-07-31', cohort: '' },
        { ...M5, entry_date: '2024-08-01' },
        {
          participant_id: 'B-007', gender: 'woman', birth_date: '1990-10-10', entry_date: '2024-07-01', exit_date: '2024-07-31',
          employment_status: 'unemployed', unemployment_months: '10', isced: '4', exit_status: 'job_searching', status_6m: 'job_searching',
        },
      ]),
      exit: 1,
      findings: [f('DATE_OUTSIDE_PROJECT', 3, 'entry_date'), f('DATE_OUTSIDE_PROJECT', 5, 'entry_date'), f('DATE_OUTSIDE_PROJECT', 5, 'exit_date')],
    },
    {
      file: 'value-missing.csv',
      tests: 'required values left empty: gender, and unemployment_months for someone unemployed',
      bytes: badCsv([W1, { ...M2, gender: '' }, N3, { ...M6, unemployment_months: '' }]),
      exit: 1,
      findings: [f('VALUE_MISSING', 3, 'gender'), f('VALUE_MISSING', 5, 'unemployment_months')],
    },
    {
      file: 'value-invalid.csv',
      tests: 'values outside their allowed forms: gender q, isced 9, a sensitive answer "kanske", improved_situation_6m "perhaps"',
      bytes: badCsv([W1, { ...M2, gender: 'q' }, { ...N3, isced: '9' }, { ...W4, disability: 'kanske' }, { ...M5, improved_situation_6m: 'perhaps' }]),
      exit: 1,
      findings: [
        f('VALUE_INVALID', 3, 'gender'),
        f('VALUE_INVALID', 4, 'isced'),
        f('VALUE_INVALID', 5, 'disability'),
        f('VALUE_INVALID', 6, 'improved_situation_6m'),
      ],
    },
    {
      file: 'id-invalid.csv',
      tests: 'participant_id with a space, with a slash, and 65 characters long',
      bytes: badCsv([W1, { ...M2, participant_id: 'P 0002' }, N3, { ...W4, participant_id: 'B-004/2026' }, { ...M5, participant_id: `B${'0'.repeat(64)}` }]),
      exit: 1,
      findings: [f('ID_INVALID', 3, 'participant_id'), f('ID_INVALID', 5, 'participant_id'), f('ID_INVALID', 6, 'participant_id')],
    },
    {
      file: 'id-duplicate.csv',
      tests: 'the same participant_id on a later row; IDs are compared exactly, so b-001 is another participant',
      bytes: badCsv([W1, M2, { ...N3, participant_id: 'B-001' }, { ...W4, participant_id: 'b-001' }]),
      exit: 1,
      findings: [f('ID_DUPLICATE', 4, 'participant_id')],
    },
    {
      file: 'id-is-personnummer.csv',
      tests: 'participant_id that is itself a valid (synthetic) personnummer, 12 digits and 10 digits with hyphen',
      bytes: badCsv([
        W1,
        { ...M2, participant_id: makePersonnummer('1977-04-12', 990).replace('-', '') },
        N3,
        { ...W4, participant_id: tenDigit(makePersonnummer('1977-04-12', 992)) },
      ]),
      exit: 1,
      findings: [f('ID_IS_PERSONNUMMER', 3, 'participant_id'), f('ID_IS_PERSONNUMMER', 5, 'participant_id')],
    },
    {
      file: 'pnr-invalid-luhn.csv',
      tests: 'personnummer with a wrong check digit, in 12-digit and 10-digit form (birth_date given and agreeing)',
      bytes: badCsv([W1, { ...M2, personnummer: wrongCheckDigit(M2.personnummer!) }, N3, { ...W4, personnummer: tenDigit(wrongCheckDigit(W4.personnummer!)), birth_date: '1968-02-09' }]),
      exit: 1,
      findings: [f('PNR_INVALID', 3, 'personnummer'), f('PNR_INVALID', 5, 'personnummer')],
    },
    {
      file: 'pnr-birth-date-mismatch.csv',
      tests: 'personnummer and birth_date one day apart',
      bytes: badCsv([W1, { ...M2, birth_date: '1992-11-03' }, N3, W4]),
      exit: 1,
      findings: [f('PNR_BIRTH_DATE_MISMATCH', 3, 'personnummer')],
    },
    {
      file: 'pnr-duplicate.csv',
      tests: 'the same personnummer under two IDs, written as 12 digits and as 10 digits without hyphen (compared as 12 digits)',
      bytes: badCsv([W1, M2, { ...N3, personnummer: tenDigit(pnrW1).replace('-', ''), birth_date: '1985-03-14' }, W4]),
      exit: 1,
      findings: [f('PNR_DUPLICATE', 4, 'personnummer')],
    },
    {
      file: 'exit-before-entry.csv',
      tests: 'exit_date five days before entry_date',
      bytes: badCsv([W1, { ...M2, exit_date: '2025-08-20' }, N3, W4]),
      exit: 1,
      findings: [f('EXIT_BEFORE_ENTRY', 3, 'exit_date')],
    },
    {
      file: 'result-date-before-entry.csv',
      tests: 'employment_start and studies_start before entry; a work_training_start on the entry day itself is fine',
      bytes: badCsv([W1, { ...M2, employment_start: '2025-08-22' }, N3, { ...W4, studies_start: '2026-01-16' }, { ...M6, work_training_start: '2026-08-31' }]),
      exit: 1,
      findings: [f('RESULT_DATE_BEFORE_ENTRY', 3, 'employment_start'), f('RESULT_DATE_BEFORE_ENTRY', 5, 'studies_start')],
    },
    {
      file: 'exit-answer-without-exit.csv',
      tests: 'exit answers (exit_status, a survey answer, qualification_gained) with no exit_date; one answer per row',
      bytes: badCsv([
        W1,
        { ...M6, exit_status: 'job_searching' },
        N3,
        { ...M6, participant_id: 'B-007', personnummer: makePersonnummer('1994-12-01', 987), birth_date: '1994-12-01', network_expanded: 'no' },
        { ...N3, participant_id: 'B-008', qualification_gained: 'yes' },
      ]),
      exit: 1,
      findings: [
        f('EXIT_ANSWER_WITHOUT_EXIT', 3, 'exit_status'),
        f('EXIT_ANSWER_WITHOUT_EXIT', 5, 'network_expanded'),
        f('EXIT_ANSWER_WITHOUT_EXIT', 6, 'qualification_gained'),
      ],
    },
    {
      file: 'exit-status-missing.csv',
      tests: 'no exit_status a year after exit, and exactly 28 days after exit (2026-10-28); 27 days (2026-10-29) is still fine',
      bytes: badCsv([
        W1,
        { ...M2, exit_status: '' },
        {
          participant_id: 'B-007', gender: 'woman', birth_date: '1983-06-15', entry_date: '2026-08-24', exit_date: '2026-10-28', cohort: '2026-HT',
          employment_status: 'unemployed', unemployment_months: '20', isced: '4',
        },
        {
          participant_id: 'B-008', gender: 'man', birth_date: '1987-01-30', entry_date: '2026-08-24', exit_date: '2026-10-29', cohort: '2026-HT',
          employment_status: 'unemployed', unemployment_months: '9', isced: '2',
        },
        N3,
      ]),
      exit: 1,
      findings: [f('EXIT_STATUS_MISSING', 3, 'exit_status'), f('EXIT_STATUS_MISSING', 4, 'exit_status')],
    },
    {
      file: 'unemployment-months-too-high.csv',
      tests: 'more months unemployed than since the 16th birthday (28 > 27 for an 18-year-old, 300 > 294); 27 is fine',
      bytes: badCsv([
        W1,
        {
          participant_id: 'B-007', gender: 'man', birth_date: '2008-05-10', entry_date: '2026-09-01', cohort: '2026-HT',
          employment_status: 'unemployed', unemployment_months: '28', isced: '2',
        },
        {
          participant_id: 'B-008', gender: 'woman', birth_date: '2008-05-10', entry_date: '2026-09-01', cohort: '2026-HT',
          employment_status: 'unemployed', unemployment_months: '27', isced: '2',
        },
        N3,
        {
          participant_id: 'B-009', gender: 'man', birth_date: '1986-03-01', entry_date: '2026-09-01', cohort: '2026-HT',
          employment_status: 'unemployed', unemployment_months: '300', isced: '3',
        },
      ]),
      exit: 1,
      findings: [f('UNEMPLOYMENT_MONTHS_TOO_HIGH', 3, 'unemployment_months'), f('UNEMPLOYMENT_MONTHS_TOO_HIGH', 6, 'unemployment_months')],
    },
    {
      file: 'field-count.csv',
      tests: 'an extra non-empty field beyond the header; extra empty fields and missing trailing fields are fine',
      bytes: badCsv([
        W1,
        { raw: `${line(M2)},oops` },
        { raw: `${line(N3)},,` },
        { raw: line({ ...N3, participant_id: 'B-007' }, BAD_HEADER.slice(0, 10)) },
      ]),
      exit: 1,
      findings: [f('FIELD_COUNT', 3, null)],
    },
    {
      file: 'quote-not-closed.csv',
      tests: 'a quote opened on line 4 that never closes; lines 2–3 are rows, the rest of the file is not',
      bytes: badCsv([W1, M2, { raw: `"${line(W4)}` }, M5, M6]),
      exit: 1,
      findings: [f('QUOTE_NOT_CLOSED', 4, null)],
    },
    {
      file: 'column-missing.csv',
      tests: 'no gender column: the file is unusable',
      bytes: badCsv([W1, M2, N3], BAD_HEADER.filter((c) => c !== 'gender')),
      exit: 2,
      findings: [f('COLUMN_MISSING', null, 'gender')],
    },
    {
      file: 'column-duplicate.csv',
      tests: 'both gender and its Swedish alias kön: the file is unusable',
      bytes: Buffer.from(csvText([...BAD_HEADER, 'kön'], [W1, M2, N3].map((r) => ({ raw: `${line(r)},${r.gender ?? ''}` })), BAD_HEADER), 'utf8'),
      exit: 2,
      findings: [f('COLUMN_DUPLICATE', null, 'gender')],
    },
    {
      file: 'empty.csv',
      tests: 'no bytes at all',
      bytes: Buffer.alloc(0),
      exit: 2,
      findings: [f('FILE_EMPTY', null, null)],
    },
    {
      file: 'bom-only.csv',
      tests: 'only a UTF-8 BOM (EF BB BF)',
      bytes: Buffer.from([0xef, 0xbb, 0xbf]),
      exit: 2,
      findings: [f('FILE_EMPTY', null, null)],
    },
    {
      file: 'header-only.csv',
      tests: 'a header and no rows: valid, zero rows',
      bytes: badCsv([]),
      exit: 0,
      findings: [],
    },
    {
      file: 'garbage.bin.csv',
      tests: '384 pseudo-random bytes with NUL bytes and bytes undefined in Windows-1252: not a text file',
      bytes: garbageBytes(),
      exit: 2,
      findings: [f('ENCODING_INVALID', null, null)],
    },
    {
      file: 'utf16le-bom.csv',
      tests: "valid: Excel's \"Unicode text\" (UTF-16 LE with BOM, tab-delimited, CRLF), Swedish headers and values",
      bytes: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(csvText(swedishHeader(BAD_HEADER), svRows, BAD_HEADER, '\t', '\r\n'), 'utf16le'),
      ]),
      exit: 0,
      findings: [],
    },
    {
      file: 'windows-1252-smart-quotes.csv',
      tests: 'valid Swedish Excel CSV (Windows-1252, ;, CRLF) with an unknown column kommentar holding € – ’ “ ” (bytes 80 96 92 93 94)',
      bytes: iconv.encode(
        csvText(
          [...swedishHeader(BAD_HEADER), 'kommentar'],
          svRows.map((r, k) => ({
            raw: `${csvRecord(BAD_HEADER.map((c) => r[c] ?? ''), ';')};${['Resa 120 € – ersatt', 'Deltagarens ’egen’ plan', '“Bra start” enligt coach', 'Åter i höst – ök', 'Möte på Drottninghög'][k]}`,
          })),
          BAD_HEADER,
          ';',
          '\r\n',
        ),
        'win1252',
      ),
      exit: 0,
      findings: [f('COLUMN_UNKNOWN', 1, null)],
    },
    {
      file: 'warnings-only.csv',
      tests: 'only warnings, one or two per row: exit 0, and 1 with --strict; a non-binary person with a personnummer gets none',
      bytes: badCsv([
        { ...W1, personnummer: makePersonnummer('1985-03-14', 981) },
        { ...M2, cohort: '2025-VT' },
        { ...M5, unemployment_months: '12' },
        { ...W4, improved_situation_6m: 'yes' },
        {
          participant_id: 'B-007', personnummer: makePersonnummer('1990-09-17', 989), gender: 'man', birth_date: '1990-09-17',
          entry_date: '2025-01-20', exit_date: '2025-04-11', cohort: '2025-VT', employment_status: 'unemployed', unemployment_months: '26',
          isced: '4', exit_status: 'job_searching', network_expanded: 'yes',
        },
        {
          participant_id: 'B-008', gender: 'woman', birth_date: '1958-03-01', entry_date: '2026-09-01', cohort: '2026-XT',
          employment_status: 'unemployed', unemployment_months: '40', isced: '2',
        },
        { ...N3, participant_id: 'B-009', personnummer: makePersonnummer('1999-06-30', 993) },
      ]),
      exit: 0,
      findings: [
        f('PNR_GENDER_MISMATCH', 2, 'personnummer'),
        f('COHORT_MISMATCH', 3, 'cohort'),
        f('UNEMPLOYMENT_MONTHS_IGNORED', 4, 'unemployment_months'),
        f('IMPROVED_NOT_EMPLOYED', 5, 'improved_situation_6m'),
        f('STATUS_6M_MISSING', 6, 'status_6m'),
        f('COHORT_INVALID', 7, 'cohort'),
        f('AGE_OUTSIDE_WORKING_AGE', 7, 'birth_date'),
      ],
    },
    acceptedForms(),
    lineNumbers(),
  ];
}

/** Valid: every accepted alternative form of headers, dates, answers and personnummer. */
function acceptedForms(): BadFixture {
  const header = [
    ' Participant-ID ', 'PERSONNUMMER', 'Kön', 'Birth Date', 'startdatum', 'Exit-Date', 'Kohort', 'Employment Status',
    'arbetslös månader', 'ISCED', 'Funktionsnedsättning', 'status vid avslut', 'Qualification Gained', 'Status 6m',
    'Improved-Situation-6m', 'praktik start', 'Studies_Start', 'Employment start', 'utökat nätverk',
  ];
  const rows: Row[] = [
    {
      participant_id: 'A-001', personnummer: tenDigit(makePersonnummer('1985-03-14', 982)), gender: 'K', birth_date: '19850314',
      entry_date: '2025-01-20 00:00', exit_date: '2025-04-11T00:00:00', cohort: 'VT2025', employment_status: 'Arbetslös',
      unemployment_months: '14', isced: '3', disability: 'Vill ej uppge', exit_status: 'Arbetssökande', qualification_gained: 'N',
      status_6m: 'Anställd', work_training_start: '20250217', employment_start: '2025-06-02 00:00:00', network_expanded: 'J',
    },
    {
      participant_id: 'A-002', personnummer: makePersonnummer('1992-11-02', 981).replace('-', ''), gender: 'Male', birth_date: '1992-11-02',
      entry_date: '2025-08-25', exit_date: '2025-11-14', cohort: 'HT 2025', employment_status: 'unemployed', unemployment_months: '30',
      isced: '2', disability: 'avböjt', exit_status: 'Self-Employed', qualification_gained: 'true', status_6m: 'egen företagare',
      employment_start: '2025-11-10', network_expanded: 'y',
    },
    {
      participant_id: 'A-003', gender: 'X', birth_date: ' 1999-06-30 ', entry_date: '2026-09-01', cohort: '2026-HT',
      employment_status: 'utanför arbetskraften', isced: '5', disability: 'okänt',
    },
    {
      participant_id: 'A_004', personnummer: tenDigit(makePersonnummer('1968-02-09', 984, 60)), gender: 'Kvinna', birth_date: '1968-02-09',
      entry_date: '20260119', exit_date: '2026-04-10', cohort: '2026-VT', employment_status: 'ARBETSLÖS', unemployment_months: '48',
      isced: '1', disability: 'ja', exit_status: 'Studier', qualification_gained: '0', status_6m: 'education-training',
      studies_start: '2026-04-13', network_expanded: 'nej',
    },
    {
      participant_id: 'A-005', personnummer: makePersonnummer('1979-07-21', 983), gender: 'm', entry_date: '2024-08-26',
      exit_date: '2024-11-15', cohort: '2024-HT', employment_status: 'Sysselsatt', isced: '6', disability: 'Unknown',
      exit_status: 'employed', qualification_gained: '1', status_6m: 'EMPLOYED', improved_situation_6m: 'Yes', network_expanded: 'Ja',
    },
    {
      participant_id: 'A-006', gender: '\u00a0f\u00a0', birth_date: '2001-05-05', entry_date: '2026-08-31', cohort: '2026-HT',
      employment_status: 'unemployed', unemployment_months: '7', isced: '3', disability: 'n', work_training_start: '2026-10-05',
    },
    {
      participant_id: 'A-007', personnummer: makePersonnummer('1990-09-17', 991), gender: 'Icke binär', birth_date: '1990-09-17',
      entry_date: '2025-08-26', exit_date: '2025-11-14', cohort: '2025-HT', employment_status: 'Inaktiv', isced: '4',
      disability: 'Declined', exit_status: 'arbetssökande', qualification_gained: 'false', status_6m: 'okänt', network_expanded: 'unknown',
    },
  ];
  return {
    file: 'accepted-forms.csv',
    tests: 'valid: header spellings (case, spaces, -, Swedish), dates YYYYMMDD and with a zero time, yes/no as J/N/1/0/true/false/y, ' +
      'Swedish and English enumerations in any case, 10- and 12-digit personnummer with and without hyphen, a samordningsnummer, ' +
      'values padded with spaces and no-break spaces',
    bytes: Buffer.from(csvText(header, rows, BAD_HEADER), 'utf8'),
    exit: 0,
    findings: [],
  };
}

/** Physical line numbers: blank lines, a cleared Excel row and quoted fields spanning lines. */
function lineNumbers(): BadFixture {
  const columns = [...BAD_HEADER];
  const withNote = (row: Row, note: string): Raw => ({ raw: `${line(row, columns)},${note}` });
  const rows: Raw[] = [
    withNote(W1, ''), //                                   line 2
    { raw: '' }, //                                         line 3: blank
    { raw: ','.repeat(BAD_HEADER.length) }, //             line 4: a cleared row
    withNote(M2, '"Första raden\nandra raden"'), //        lines 5–6
    withNote({ ...N3, gender: 'q' }, ''), //                line 7: VALUE_INVALID
    withNote({ ...W4, isced: '11' }, '"a\nb"'), //          lines 8–9: VALUE_INVALID at 8
    { raw: '   ' }, //                                      line 10: whitespace only
    withNote({ ...M5, gender: 'z' }, ''), //                line 11: VALUE_INVALID
  ];
  return {
    file: 'line-numbers.csv',
    tests: 'findings name the physical line: blank and whitespace-only lines, a cleared row (,,,,) and multi-line quoted fields count as lines; ' +
      'a record spanning lines is reported at its first line; the unknown column note is a warning',
    bytes: Buffer.from(csvText([...BAD_HEADER, 'note'], rows, columns), 'utf8'),
    exit: 1,
    findings: [
      f('COLUMN_UNKNOWN', 1, null),
      f('VALUE_INVALID', 7, 'gender'),
      f('VALUE_INVALID', 8, 'isced'),
      f('VALUE_INVALID', 11, 'gender'),
    ],
  };
}

function writeBadFixtures(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const fixtures = badFixtures();
  for (const fx of fixtures) writeFileSync(join(dir, fx.file), fx.bytes);
  const expected = fixtures.map((fx) => ({
    file: fx.file,
    tests: fx.tests,
    exit: fx.exit,
    strictExit: fx.exit === 0 && fx.findings.length > 0 ? 1 : fx.exit,
    findings: fx.findings,
  }));
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  return [...fixtures.map((fx) => fx.file), 'expected.json'];
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE = `usage: generate-fixtures [--count N] [--seed S] [--export-date YYYY-MM-DD] [--out FILE|-] [--swedish-excel] [--bad]

  (no arguments)   write fixtures/participants.csv and fixtures/participants-sv-excel.csv (${DEFAULT_COUNT} rows)
  --out FILE       stream --count rows to FILE (UTF-8, English headers); - for stdout
  --swedish-excel  with --out: Swedish headers and values, ';', CRLF, Windows-1252
  --bad            write fixtures/bad/ (one file per bad-input case) and fixtures/bad/expected.json
`;

function positiveInt(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${name} must be a whole number ≥ ${min}, got "${value}"`);
  }
  return Number(value);
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'export-date': { type: 'string' },
      'swedish-excel': { type: 'boolean', default: false },
      bad: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const count = positiveInt('--count', values.count, DEFAULT_COUNT, 0);
  const seed = positiveInt('--seed', values.seed, DEFAULT_SEED, 0);
  const exportDate = values['export-date'] ?? DEFAULT_EXPORT_DATE;
  try {
    parseIso(exportDate);
  } catch (err) {
    throw new UsageError(`--export-date: ${(err as Error).message}`);
  }
  const root = repoRoot();
  const log = (msg: string): void => {
    if (values.out !== '-') process.stderr.write(`${msg}\n`);
  };

  if (values.bad) {
    const dir = join(root, 'fixtures', 'bad');
    const files = writeBadFixtures(dir);
    log(`wrote ${files.length} files to ${dir}`);
    if (values.out === undefined) return 0;
  }

  if (values.out !== undefined) {
    const file = values.out === '-' ? '-' : resolve(values.out);
    const started = process.hrtime.bigint();
    await writeParticipantsFile(file, count, seed, exportDate, values['swedish-excel'] ? SWEDISH_EXCEL_CSV : ENGLISH_CSV);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    log(`wrote ${count} rows to ${file} in ${(ms / 1000).toFixed(1)} s`);
    return 0;
  }
  if (values['swedish-excel']) throw new UsageError('--swedish-excel needs --out FILE');

  const english = join(root, 'fixtures', 'participants.csv');
  const swedish = join(root, 'fixtures', 'participants-sv-excel.csv');
  await writeParticipantsFile(english, count, seed, exportDate, ENGLISH_CSV);
  await writeParticipantsFile(swedish, count, seed, exportDate, SWEDISH_EXCEL_CSV);
  log(`wrote ${count} rows to ${english} and ${swedish}`);
  return 0;
}

/** True when this file is the program being run (not imported by a test). */
function isMain(): boolean {
  const argv1 = process.argv[1];
  if (argv1 === undefined) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) void main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError || (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`generate-fixtures: ${err.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`generate-fixtures: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 3;
    }
  },
);
