/**
 * `npm run bench`: generates a 1,000,000-row export with the fixture generator (once, cached in
 * .bench/), then measures on that file the rows per second and peak memory of a plain csv-parse
 * pass, of `esf-report validate` and of `esf-report indicators`, each in a fresh process.
 *   node dist/scripts/bench.js [--rows N] [--regenerate]
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
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, regenerate: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
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
process.stdout.write(`file: ${file} (${sizeMb.toFixed(0)} MB, ${rows.toLocaleString('en')} data rows)\n\n`);

interface Measurement {
  mode: string;
  seconds: number;
  peakRssMb: number;
  exitCode: number;
}

function measure(mode: string): Measurement {
  const out = join(dir, `result-${mode}.json`);
  rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [join(root, 'dist/scripts/bench-child.js'), mode, file, out], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ESF_REPORT_TODAY: '2026-11-25' },
  });
  if (!existsSync(out)) throw new Error(`${mode}: no result (exit ${r.status})`);
  return JSON.parse(readFileSync(out, 'utf8')) as Measurement;
}

const results = ['csv-parse', 'validate', 'indicators'].map(measure);
const base = results[0]!;
const pad = (s: string, n: number) => s.padEnd(n);
process.stdout.write(`${pad('pass', 22)}${pad('seconds', 10)}${pad('rows/s', 12)}${pad('vs csv-parse', 14)}${pad('peak RSS', 10)}exit\n`);
for (const m of results) {
  const rate = rows / m.seconds;
  const label = m.mode === 'csv-parse' ? 'csv-parse (plain)' : `esf-report ${m.mode}`;
  process.stdout.write(
    `${pad(label, 22)}${pad(m.seconds.toFixed(2), 10)}${pad(Math.round(rate).toLocaleString('en'), 12)}${pad(`${Math.round((base.seconds / m.seconds) * 100)} %`, 14)}${pad(`${m.peakRssMb} MB`, 10)}${m.exitCode}\n`,
  );
}
process.stdout.write('\naim: validate ≥ 50 % of plain csv-parse throughput, peak RSS < 300 MB\n');

// ---------------------------------------------------------------------------------------------
// Hostile input (issue 17): 1,000,000 rows with every field invalid (25 findings a row), through
// `validate` in each format. Aim: peak RSS < 300 MB in every format, whatever the findings.

/** The all-invalid file: the contract's header, then rows whose every value is wrong. Cached in .bench/. */
function allInvalidFile(n: number): string {
  const path = join(dir, `all-invalid-${n}.csv`);
  if (!values.regenerate && existsSync(path)) return path;
  const header =
    'participant_id,personnummer,gender,birth_date,entry_date,exit_date,cohort,employment_status,unemployment_months,isced,disability,third_country_national,foreign_background,minority,homeless,rural,exit_status,qualification_gained,status_6m,improved_situation_6m,work_training_start,studies_start,employment_start,network_expanded,competence_improved,understanding_improved';
  const fd = openSync(path, 'w');
  writeSync(fd, `${header}\n`);
  let batch = '';
  for (let i = 1; i <= n; i++) {
    batch += `#${i},${Array(25).fill(`?${i}`).join(',')}\n`;
    if (batch.length > 1 << 20) {
      writeSync(fd, batch);
      batch = '';
    }
  }
  writeSync(fd, batch);
  closeSync(fd);
  return path;
}

function hostileBench(): void {
  const file = allInvalidFile(rows);
  process.stdout.write(`\nall-invalid file: ${file} (${(statSync(file).size / 1024 / 1024).toFixed(0)} MB, every field of every row invalid)\n`);
  process.stdout.write(`${'validate --format'.padEnd(22)}${'seconds'.padEnd(10)}${'peak RSS'.padEnd(12)}${'output'.padEnd(12)}exit\n`);
  for (const format of ['text', 'json', 'github', 'csv']) {
    const result = join(dir, `result-hostile-${format}.json`);
    const output = join(dir, `hostile-output.${format}`);
    rmSync(result, { force: true });
    const fd = openSync(output, 'w');
    spawnSync(process.execPath, [join(root, 'dist/scripts/bench-hostile-child.js'), result, '--', 'validate', file, '--format', format, '--quiet'], {
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

hostileBench();

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
