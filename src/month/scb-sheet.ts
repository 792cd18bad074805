import type { IsoDate } from '../core/dates.js';
import { finding, type Finding } from '../findings/finding.js';
import type { Personnummer } from '../participants/personnummer.js';
import { DATE_SOURCES, type Mapping, type MappingColumn, type MappingSource, type PersonnummerForm } from './mapping.js';
import type { ListedRecord, MonthList } from './month-list.js';

export type RowKind = 'start' | 'end' | 'start_end';

/** A participant's row in the month's list: a starter, a leaver, or both in the same month (one row). */
export interface ScbRow {
  readonly kind: RowKind;
  readonly record: ListedRecord;
}

/** The rows in SCB's order: starters by start date, then those who only left, by end date (participant ID within a day). */
export function scbRowsOf(list: MonthList): ScbRow[] {
  const leaving = new Set(list.leavers.map((r) => r.line));
  const starting = new Set(list.starters.map((r) => r.line));
  return [
    ...list.starters.map((record): ScbRow => ({ kind: leaving.has(record.line) ? 'start_end' : 'start', record })),
    ...list.leavers.filter((r) => !starting.has(r.line)).map((record): ScbRow => ({ kind: 'end', record })),
  ];
}

/** What SCB identifies a participant by, or why it cannot be formed. */
export type ScbIdentity =
  | { readonly value: string; readonly protectedCode: boolean }
  | { readonly problem: 'missing' | 'protected-gender' };

function writePnr(p: Personnummer, form: PersonnummerForm): string {
  const twelve = String(p.key).padStart(12, '0');
  if (form === 'YYYYMMDDNNNN') return twelve;
  if (form === 'YYYYMMDD-NNNN') return `${twelve.slice(0, 8)}-${twelve.slice(8)}`;
  return `${twelve.slice(2, 8)}-${twelve.slice(8)}`;
}

/**
 * The personnummer SCB gets, or for a protected identity SCB's code: the birth date ÅÅÅÅMMDD and
 * the mapping's code for the legal gender ("Tf29" for women in SCB's instructions). The legal
 * gender comes from the personnummer when there is one, else from a woman/man gender.
 */
export function scbIdentity(r: ListedRecord, pnr: Personnummer | null, mapping: Mapping): ScbIdentity {
  if (r.protectedIdentity) {
    const legal = pnr?.legalGender ?? (r.gender === 'woman' || r.gender === 'man' ? r.gender : null);
    const code = legal === null ? null : mapping.personnummer.protected[legal];
    const birth = pnr?.birthDate ?? r.birthDate;
    if (code === null || birth === null) return { problem: 'protected-gender' };
    return { value: `${birth.replaceAll('-', '')}${code}`, protectedCode: true };
  }
  if (pnr === null) return { problem: 'missing' };
  return { value: writePnr(pnr, mapping.personnummer.form), protectedCode: false };
}

/** Warnings for listed participants SCB could not identify (each participant once). */
export function identityFindings(list: MonthList, pnrOf: (r: ListedRecord) => Personnummer | null, mapping: Mapping, file: string): Finding[] {
  const out: Finding[] = [];
  for (const { record } of scbRowsOf(list)) {
    const id = scbIdentity(record, pnrOf(record), mapping);
    if (!('problem' in id)) continue;
    const where = { file, line: record.line, column: id.problem === 'missing' ? 'personnummer' : 'protected_identity' };
    const f =
      id.problem === 'missing'
        ? finding('SCB_PNR_MISSING', where, { month: list.month })
        : finding('SCB_PROTECTED_CODE_UNKNOWN', where, { month: list.month, gender: record.gender ?? '' });
    out.push({ ...f, participantId: record.participantId });
  }
  return out;
}

/** A cell of the SCB sheet: text, a number, a calendar date, or empty. */
export type ScbCell = string | number | { readonly date: IsoDate } | null;

export interface ScbSheet {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly ScbCell[])[];
  /** Column indexes that hold the personnummer (or SCB's code). */
  readonly personnummerColumns: readonly number[];
  readonly dateFormat: string;
}

function rawValue(source: MappingSource, row: ScbRow, projectId: string): string | number | null {
  const r = row.record;
  switch (source) {
    case 'participant_id':
      return r.participantId;
    case 'project_id':
      return projectId;
    case 'row_kind':
      return row.kind;
    case 'start_date':
      return r.entryDate;
    case 'end_date':
      return row.kind === 'start' ? null : r.exitDate;
    case 'gender':
      return r.gender;
    case 'birth_date':
      return r.birthDate;
    case 'employment_status':
      return r.employmentStatus;
    case 'unemployment_months':
      return r.unemploymentMonths;
    case 'isced':
      return r.isced;
    case 'disability':
      return r.disability;
    case 'third_country_national':
      return r.thirdCountryNational;
    case 'foreign_background':
      return r.foreignBackground;
    case 'minority':
      return r.minority;
    case 'homeless':
      return r.homeless;
    case 'rural':
      return r.rural;
    case 'protected_identity':
      return r.protectedIdentity ? 'yes' : 'no';
    case 'exit_status':
      return row.kind === 'start' ? null : r.exitStatus;
    case 'personnummer':
      return null; // filled by the caller, only on request
  }
}

function applies(column: MappingColumn, kind: RowKind): boolean {
  if (column.rows === 'all') return true;
  if (column.rows === 'starters') return kind !== 'end';
  return kind !== 'start';
}

/**
 * The month's list laid out by the mapping: one output column per mapping column, value codes
 * applied. The personnummer column is filled only when `personnummerOf` is given (the CLI's
 * `--with-personnummer`); otherwise it stays empty and the list names participants by ID only.
 */
export function buildScbSheet(
  list: MonthList,
  mapping: Mapping,
  projectId: string,
  personnummerOf?: (r: ListedRecord) => string | null,
): ScbSheet {
  const rows = scbRowsOf(list).map((row) =>
    mapping.columns.map((c): ScbCell => {
      if (!applies(c, row.kind)) return null;
      if (c.source === 'personnummer') return personnummerOf ? personnummerOf(row.record) : null;
      const v = rawValue(c.source, row, projectId);
      if (v === null) return null;
      if (DATE_SOURCES.has(c.source)) return { date: String(v) };
      if (c.values) return c.values[String(v)] ?? null;
      return v;
    }),
  );
  const personnummerColumns = mapping.columns.flatMap((c, i) => (c.source === 'personnummer' ? [i] : []));
  return { name: mapping.sheet, headers: mapping.columns.map((c) => c.header), rows, personnummerColumns, dateFormat: mapping.dateFormat };
}
