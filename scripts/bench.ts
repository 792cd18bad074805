/**
 * `npm run bench`: generates a 1,000,000-row export with the fixture generator (once, cached in
 * .bench/), then measures on that file, each in a fresh process: a bare csv-parse pass (records as
 * objects keyed by the header, `columns: true`), `esf-report validate`, `esf-report indicators`
 * and `esf-report report`. Every command's time is given as a ratio to the csv-parse pass of the
 * same round (paired, so that a busy shared machine slows both alike), with its peak memory.
 *   node dist/scripts/bench.js [--rows N] [--rounds N] [--no-report] [--regenerate] [--xlsx-rows N]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchStartup } from './bench-startup.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

// start-up first: a few seconds, and the figure most runs are about (bench-startup.ts)
process.stdout.write(benchStartup(root));
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '1' },
    'no-report': { type: 'boolean', default: false },
    'xlsx-rows': { type: 'string', default: '200000' },
    regenerate: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const rounds = Math.max(1, Number(values.rounds));
const dir = join(root, '.bench');
const file = join(dir, `participants-${rows}.csv`);
mkdirSync(dir, { recursive: true });

if (values.regenerate || !existsSync(file)) {
  process.stdout.write(`generating ${rows.toLocaleString('en')} rows into ${file} …\n`);
  const t0 = Date.now();
  const gen = spawnSync(process.execPath, [join(root, 'dist/scripts/generate-fixtures.js'), '--count', String(rows), '--out', file], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (gen.status !== 0) throw new Error('the generator failed');
  process.stdout.write(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
const sizeMb = statSync(file).size / 1024 / 1024;
process.stdout.write(`file: ${file} (${sizeMb.toFixed(0)} MB, ${rows.toLocaleString('en')} data rows)\n`);

interface Measurement {
  mode: string;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  exitCode: number;
}

function measure(mode: string): Measurement {
  const out = join(dir, `result-${mode}.json`);
  rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [join(root, 'dist/scripts/bench-child.js'), mode, file, out, join(dir, 'report.xlsx')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ESF_REPORT_TODAY: '2026-11-25' },
  });
  if (!existsSync(out)) throw new Error(`${mode}: no result (exit ${r.status})`);
  return JSON.parse(readFileSync(out, 'utf8')) as Measurement;
}

/** Each command, with the limits of issue 14 (time ÷ csv-parse time, peak RSS). */
const COMMANDS = [
  { mode: 'validate', maxRatio: 0.5, maxRssMb: 200 },
  { mode: 'indicators', maxRatio: 0.6, maxRssMb: 200 },
  ...(values['no-report'] ? [] : [{ mode: 'report', maxRatio: null, maxRssMb: 300 }]),
] as const;

const runs: { base: Measurement; cmds: Measurement[] }[] = [];
for (let round = 1; round <= rounds; round++) {
  process.stdout.write(`round ${round}/${rounds} …\n`);
  const base = measure('csv-parse');
  runs.push({ base, cmds: COMMANDS.map((c) => measure(c.mode)) });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const pad = (s: string, n: number) => s.padEnd(n);
process.stdout.write(
  `\n${pad('pass', 28)}${pad('seconds', 10)}${pad('rows/s', 12)}${pad('time ÷ csv-parse', 18)}${pad('CPU ÷ csv-parse', 17)}${pad('peak RSS', 11)}${pad('limit', 26)}exit\n`,
);
const baseSeconds = median(runs.map((r) => r.base.seconds));
process.stdout.write(
  `${pad('csv-parse, columns: true', 28)}${pad(baseSeconds.toFixed(2), 10)}${pad(Math.round(rows / baseSeconds).toLocaleString('en'), 12)}${pad('1.00', 18)}${pad('1.00', 17)}${pad(`${Math.max(...runs.map((r) => r.base.peakRssMb))} MB`, 11)}${pad('', 26)}0\n`,
);
let allWithin = true;
COMMANDS.forEach((c, i) => {
  const ms = runs.map((r) => r.cmds[i]!);
  const seconds = median(ms.map((m) => m.seconds));
  // the ratio of each round against its own csv-parse pass, then the median over rounds
  const ratio = median(runs.map((r) => r.cmds[i]!.seconds / r.base.seconds));
  const cpuRatio = median(runs.map((r) => r.cmds[i]!.cpuSeconds / r.base.cpuSeconds));
  const rss = Math.max(...ms.map((m) => m.peakRssMb));
  const within = (c.maxRatio === null || ratio <= c.maxRatio) && rss < c.maxRssMb;
  allWithin &&= within;
  const limit = `${c.maxRatio === null ? '' : `≤ ${c.maxRatio.toFixed(2)}×, `}< ${c.maxRssMb} MB`;
  process.stdout.write(
    `${pad(`esf-report ${c.mode}`, 28)}${pad(seconds.toFixed(2), 10)}${pad(Math.round(rows / seconds).toLocaleString('en'), 12)}${pad(`${ratio.toFixed(2)}×`, 18)}${pad(`${cpuRatio.toFixed(2)}×`, 17)}${pad(`${rss} MB`, 11)}${pad(`${limit}${within ? "" : " MISSED"}`, 26)}${ms.map((m) => m.exitCode).join(',')}\n`,
  );
});
process.stdout.write(
  `\n${rounds} round(s); each ratio is paired with the csv-parse pass of its own round (median over rounds).` +
    `\nCPU: processor seconds of all the process's threads, less at the mercy of other processes than wall time.` +
    `\n${allWithin ? 'every command within its limits' : 'some command missed its limit'}\n`,
);

// ---------------------------------------------------------------------------------------------
// Hostile input (issue 17): 1,000,000 rows with every field invalid (25 findings a row in the
// participant file, 4 in the ledger), through `validate` in each format. Aim: peak RSS < 300 MB in
// every format, whatever the findings.

/** Writes HEADER and then rowOf(1 … n), one line each, in batches of about a megabyte; cached in .bench/ under NAME. */
function generated(name: string, n: number, header: string, rowOf: (i: number) => string): string {
  const path = join(dir, name);
  if (!values.regenerate && existsSync(path)) return path;
  const fd = openSync(path, 'w');
  writeSync(fd, `${header}\n`);
  let batch = '';
  for (let i = 1; i <= n; i++) {
    batch += `${rowOf(i)}\n`;
    if (batch.length > 1 << 20) {
      writeSync(fd, batch);
      batch = '';
    }
  }
  writeSync(fd, batch);
  closeSync(fd);
  return path;
}

/** The all-invalid file: the contract's header, then rows whose every value is wrong. */
function allInvalidFile(n: number): string {
  const header =
    'participant_id,personnummer,gender,birth_date,entry_date,exit_date,cohort,employment_status,unemployment_months,isced,disability,third_country_national,foreign_background,minority,homeless,rural,exit_status,qualification_gained,status_6m,improved_situation_6m,work_training_start,studies_start,employment_start,network_expanded,competence_improved,understanding_improved';
  return generated(`all-invalid-${n}.csv`, n, header, (i) => `#${i},${Array(25).fill(`?${i}`).join(',')}`);
}

/** The all-invalid ledger: the contract's header, then rows whose every value is wrong (4 findings a row). */
function allInvalidLedger(n: number): string {
  return generated(`all-invalid-ledger-${n}.csv`, n, 'date;type;category;amount;party;reference;description', (i) =>
    `day ${i};kind ${i};what ${i};sum ${i};party ${i};V-${i};row ${i}`,
  );
}

/** Runs `validate` on an all-invalid file in each format, each in a process of its own, and prints time, peak RSS and output size. */
function hostileBench(label: string, file: string, args: (format: string) => string[]): void {
  process.stdout.write(`\n${label}: ${file} (${(statSync(file).size / 1024 / 1024).toFixed(0)} MB, every field of every row invalid)\n`);
  process.stdout.write(`${'validate --format'.padEnd(22)}${'seconds'.padEnd(10)}${'peak RSS'.padEnd(12)}${'output'.padEnd(12)}exit\n`);
  for (const format of ['text', 'json', 'github', 'csv']) {
    const result = join(dir, `result-hostile-${format}.json`);
    const output = join(dir, `hostile-output.${format}`);
    rmSync(result, { force: true });
    const fd = openSync(output, 'w');
    spawnSync(process.execPath, [join(root, 'dist/scripts/bench-hostile-child.js'), result, '--', ...args(format)], {
      stdio: ['ignore', fd, 'inherit'],
      env: { ...process.env, ESF_REPORT_TODAY: '2026-11-25' },
    });
    closeSync(fd);
    const size = statSync(output).size;
    rmSync(output, { force: true });
    if (!existsSync(result)) {
      process.stdout.write(`${format.padEnd(22)}failed (no result: the process died)\n`);
      continue;
    }
    const m = JSON.parse(readFileSync(result, 'utf8')) as { seconds: number; peakRssMb: number; exitCode: number };
    process.stdout.write(
      `${format.padEnd(22)}${m.seconds.toFixed(2).padEnd(10)}${`${m.peakRssMb} MB`.padEnd(12)}${`${(size / 1024 / 1024).toFixed(1)} MB`.padEnd(12)}${m.exitCode}\n`,
    );
  }
  process.stdout.write('aim: peak RSS < 300 MB in every format (json/github/csv list at most 1,000 findings a code)\n');
}

const hostile = allInvalidFile(rows);
hostileBench('all-invalid participant file', hostile, (format) => ['validate', hostile, '--format', format, '--quiet']);
const hostileLedger = allInvalidLedger(rows);
hostileBench('all-invalid ledger', hostileLedger, (format) => ['validate', '--ledger', hostileLedger, '--format', format, '--quiet']);

// ---------------------------------------------------------------------------------------------
// A large .xlsx participant export (Excel's shared strings, real dates), streamed by the reader of
// src/read/xlsx-node.ts: `validate` and `indicators`, each in a process of its own. Aim: peak RSS < 300 MB.

function xlsxBench(n: number): void {
  const xlsx = join(dir, `participants-${n}.xlsx`);
  if (values.regenerate || !existsSync(xlsx)) {
    const csv = join(dir, `participants-${n}.csv`);
    if (!existsSync(csv)) {
      const gen = spawnSync(process.execPath, [join(root, 'dist/scripts/generate-fixtures.js'), '--count', String(n), '--out', csv], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (gen.status !== 0) throw new Error('the generator failed');
    }
    process.stdout.write(`\nwriting ${n.toLocaleString('en')} rows into ${xlsx} …\n`);
    const gen = spawnSync(process.execPath, [join(root, 'dist/scripts/generate-xlsx.js'), csv, xlsx], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (gen.status !== 0) throw new Error('the xlsx generator failed');
  }
  process.stdout.write(`\nxlsx file: ${xlsx} (${(statSync(xlsx).size / 1024 / 1024).toFixed(0)} MB, ${n.toLocaleString('en')} rows)\n`);
  const commands: [string, string[]][] = [
    ['validate', ['validate', xlsx, '--quiet']],
    ['indicators', ['indicators', xlsx, '--period', 'project', '--quiet']],
  ];
  for (const [label, args] of commands) {
    const result = join(dir, `result-xlsx-${label}.json`);
    rmSync(result, { force: true });
    spawnSync(process.execPath, [join(root, 'dist/scripts/bench-hostile-child.js'), result, '--', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ESF_REPORT_TODAY: '2026-11-25' },
    });
    if (!existsSync(result)) {
      process.stdout.write(`${label}: failed (no result: the process died)\n`);
      continue;
    }
    const m = JSON.parse(readFileSync(result, 'utf8')) as { seconds: number; peakRssMb: number; exitCode: number };
    process.stdout.write(`${pad(label, 12)}${m.seconds.toFixed(2)} s, ${Math.round(n / m.seconds).toLocaleString('en')} rows/s, peak RSS ${m.peakRssMb} MB, exit ${m.exitCode}\n`);
  }
  process.stdout.write('aim: peak RSS < 300 MB\n');
}

xlsxBench(Number(values['xlsx-rows']));

// The shared copy (`report --suppress-below N`): what the suppression and its audit add to writing
// the workbook of the bundled sample (120-participant scale, the size of a real project).
const sample = join(root, 'fixtures/participants.csv');
const sharedOut = join(dir, 'shared-copy.xlsx');
function reportSeconds(period: string, threshold: number | null): number {
  const args = [join(root, 'bin/esf-report'), 'report', sample, '--period', period, '--as-of', '2026-11-20', '--out', sharedOut, '--force', '--quiet'];
  if (threshold !== null) args.push('--suppress-below', String(threshold));
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ESF_REPORT_TODAY: '2026-11-25' } });
  if (r.status !== 0) throw new Error(`report ${period} --suppress-below ${threshold}: exit ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
process.stdout.write(`\nshared copy of ${sample} (report, seconds including start-up and writing)\n`);
process.stdout.write(`${pad('period', 10)}${pad('funder', 10)}${pad('N=2', 10)}${pad('N=5', 10)}${pad('N=10', 10)}\n`);
for (const period of ['2026-Q3', 'project']) {
  const cells = [reportSeconds(period, null), ...[2, 5, 10].map((n) => reportSeconds(period, n))];
  process.stdout.write(`${pad(period, 10)}${cells.map((s) => pad(s.toFixed(2), 10)).join('')}\n`);
}
process.stdout.write('aim: a shared copy takes at most 3 s more than the funder\'s copy\n');
