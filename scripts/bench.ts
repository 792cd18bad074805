/**
 * `npm run bench`: generates a 1,000,000-row export with the fixture generator (once, cached in
 * .bench/), then measures on that file, each in a fresh process: a bare csv-parse pass (records as
 * objects keyed by the header, `columns: true`), `esf-report validate`, `esf-report indicators`
 * and `esf-report report`. Every command's time is given as a ratio to the csv-parse pass of the
 * same round (paired, so that a busy shared machine slows both alike), with its peak memory.
 *   node dist/scripts/bench.js [--rows N] [--rounds N] [--no-report] [--regenerate]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '1' },
    'no-report': { type: 'boolean', default: false },
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
