import { finding, type Finding } from '../findings/finding.js';

/** A column of an input contract: canonical English name and the aliases accepted in a header. */
export interface ColumnSpec {
  readonly name: string;
  readonly aliases: readonly string[];
}

/** Normalises a header or enumeration token: case, surrounding space, BOM; `-`, space and `_` alike. */
export function normalizeToken(value: string): string {
  return value.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[-\s_]+/g, '_');
}

export interface HeaderMatch {
  /** For each contract column (by index in `specs`), the field index in the file, or -1. */
  readonly fieldOf: Int32Array;
  /** Number of header fields up to the last non-empty one: fields beyond it must be empty. */
  readonly width: number;
  readonly findings: Finding[];
}

/** Matches a header row against the contract columns; unknown headers are warnings, duplicates errors. */
export function matchHeader(
  fields: readonly string[],
  specs: readonly ColumnSpec[],
  file: string,
  line: number,
  required: readonly (readonly string[])[],
): HeaderMatch {
  const lookup = new Map<string, number>();
  specs.forEach((spec, i) => {
    lookup.set(normalizeToken(spec.name), i);
    for (const alias of spec.aliases) lookup.set(normalizeToken(alias), i);
  });
  const fieldOf = new Int32Array(specs.length).fill(-1);
  const findings: Finding[] = [];
  let width = 0;
  fields.forEach((raw, f) => {
    if (raw.trim() !== '' && raw.trim() !== '\uFEFF') width = f + 1;
  });
  for (let f = 0; f < width; f++) {
    const raw = fields[f]!;
    const key = normalizeToken(raw);
    if (key === '') {
      findings.push(finding('COLUMN_UNKNOWN', { file, line }, { header: '', position: f + 1 }));
      continue;
    }
    const i = lookup.get(key);
    if (i === undefined) {
      findings.push(finding('COLUMN_UNKNOWN', { file, line }, { header: raw.trim(), position: f + 1 }));
      continue;
    }
    const spec = specs[i]!;
    const earlier = fieldOf[i]!;
    if (earlier !== -1) {
      findings.push(
        finding('COLUMN_DUPLICATE', { file, column: spec.name }, {
          header: raw.trim(),
          other: fields[earlier]!.trim(),
          position: f + 1,
          otherPosition: earlier + 1,
        }),
      );
      continue;
    }
    fieldOf[i] = f;
  }
  const present = (name: string) => {
    const i = specs.findIndex((s) => s.name === name);
    return i !== -1 && fieldOf[i] !== -1;
  };
  for (const group of required) {
    if (!group.some(present)) {
      const spec = specs.find((s) => s.name === group[0]);
      findings.push(
        finding('COLUMN_MISSING', { file, column: group[0] ?? null }, {
          columns: group.join(' / '),
          aliases: group.map((n) => specs.find((s) => s.name === n)?.aliases[0] ?? n).join(' / '),
          found: fields.slice(0, width).map((h) => h.trim()).join(', '),
          swedish: spec?.aliases[0] ?? '',
        }),
      );
    }
  }
  return { fieldOf, width, findings };
}
