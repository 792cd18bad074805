import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { parseIsoDate, type IsoDate } from '../core/dates.js';
import { LANGS, type Lang } from '../findings/catalogue.js';
import { parseEncodingName, type EncodingName } from '../read/encoding.js';
import type { Delimiter } from '../read/table.js';
import { parseProjectProfile, type ProjectProfile } from '../project/profile.js';
import { UsageError } from './errors.js';

/**
 * The package root, where package.json, profiles/ and templates/ are: the nearest folder above this
 * module that holds esf-report's package.json, wherever the module runs from (the bundled CLI in
 * dist/cli/, the compiled dist/src/cli/, or src/cli/ under the tests). Never the working directory.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'esf-report') return `${dir}${sep}`;
    if (dirname(dir) === dir) throw new Error(`esf-report: no package.json of esf-report above ${start}`);
  }
}

/** The tool's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as { version: string }).version;
}

const DELIMITER_NAMES: Readonly<Record<string, Delimiter>> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\t': '\t',
  '\\t': '\t',
};

/** A date option (`--as-of`, `--from`, `--to`): YYYY-MM-DD, checked at the edge. */
export const dateOption = (name: string) =>
  z
    .string()
    .transform((s, ctx) => {
      const d = parseIsoDate(s.trim());
      if (!d) ctx.addIssue({ code: 'custom', message: `${name} "${s}" is not a date YYYY-MM-DD` });
      return d ?? '';
    })
    .optional();

/** Options every command shares, checked once at the edge (commander → zod → typed object). */
export const CommonOptionsSchema = z.object({
  lang: z.enum(LANGS, { message: '--lang takes sv or en' }).optional(),
  encoding: z
    .string()
    .transform((s, ctx) => {
      const e = parseEncodingName(s);
      if (!e) ctx.addIssue({ code: 'custom', message: `--encoding "${s}" is not one of utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252` });
      return e as EncodingName;
    })
    .optional(),
  delimiter: z
    .string()
    .transform((s, ctx) => {
      const d = DELIMITER_NAMES[s.toLowerCase()];
      if (!d) ctx.addIssue({ code: 'custom', message: `--delimiter "${s}" is not one of , ; tab` });
      return d as Delimiter;
    })
    .optional(),
  sheet: z.string().optional(),
  asOf: dateOption('--as-of'),
  project: z.string().optional(),
  quiet: z.boolean().default(false),
  color: z.boolean().default(true),
  debug: z.boolean().default(false),
  strict: z.boolean().default(false),
});
export type CommonOptions = z.infer<typeof CommonOptionsSchema>;

/** The command-line flag of a commander option key: `asOf` → `--as-of`. */
export function optionFlag(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Parses raw commander options with a zod schema; the first problem becomes a usage error. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path[0];
    const given = typeof key === 'string' ? (raw as Record<string, unknown> | null)?.[key] : undefined;
    const value = Array.isArray(given) && typeof issue.path[1] === 'number' ? given[issue.path[1]] : given;
    throw new UsageError(issue.message, {
      option: typeof key === 'string' ? optionFlag(key) : null,
      value: typeof value === 'string' ? value : null,
    });
  }
  return result.data;
}

/** Loads the project profile: `--project FILE`, or the built-in 23-073-S10 profile. */
export async function loadProfile(path: string | undefined): Promise<ProjectProfile> {
  const file = path ?? `${PACKAGE_ROOT}profiles/23-073-S10.json`;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`--project: cannot read ${file}`, { option: '--project', value: file });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`--project: ${file} is not valid JSON (${(err as Error).message})`, { option: '--project', value: file });
  }
  const parsed = parseProjectProfile(data);
  if ('problems' in parsed) {
    throw new UsageError(`--project: ${file} is not a valid project profile: ${parsed.problems.join('; ')}`, { option: '--project', value: file });
  }
  return parsed.profile;
}

/** Checks `--as-of` against today: a reference date in the future is a usage error. */
export function checkAsOf(asOf: IsoDate | undefined, today: IsoDate): void {
  if (asOf !== undefined && asOf > today) {
    throw new UsageError(`--as-of ${asOf} is after today (${today}); the figures cannot describe a day that has not come`, {
      option: '--as-of',
      value: asOf,
    });
  }
}

/** The language of terminal messages: English unless --lang sv. */
export function terminalLang(lang: Lang | undefined): Lang {
  return lang ?? 'en';
}
