/**
 * One measurement of the benchmark, in a process of its own so that its peak memory is its own.
 *   node dist/scripts/bench-child.js MODE FILE RESULT.json [REPORT.xlsx]
 * MODE: csv-parse (the baseline: a bare parse into objects keyed by the header), validate,
 * indicators, report (the real CLI in-process).
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse';
import type { main as cliMain } from '../src/cli/main.js';


const [mode, file, resultFile, reportFile] = process.argv.slice(2);
if (!mode || !file || !resultFile) {
  process.stderr.write('usage: bench-child MODE FILE RESULT.json [REPORT.xlsx]\n');
  process.exit(2);
}

async function plainParse(path: string): Promise<number> {
  let rows = 0;
  const parser = createReadStream(path, { highWaterMark: 1 << 18 }).pipe(parse({ columns: true, relax_column_count: true }));
  for await (const _record of parser) rows++;
  return rows;
}

const COMMANDS: Record<string, string[]> = {
  validate: ['validate', file, '--quiet'],
  indicators: ['indicators', file, '--period', 'project', '--quiet', '--format', 'json'],
  report: ['report', file, '--period', 'project', '--quiet', '--force', '--out', reportFile ?? `${resultFile}.xlsx`],
};

const started = process.hrtime.bigint();
let rows = 0;
let exitCode = 0;
if (mode === 'csv-parse') {
  rows = await plainParse(file);
} else if (COMMANDS[mode]) {
  // the bundle bin/esf-report runs (dist/cli/, from dist/scripts/ here), so the bench measures what users run
  const { main } = (await import(new URL('../cli/main.js', import.meta.url).href)) as { main: typeof cliMain };
  exitCode = await main(['node', 'esf-report', ...COMMANDS[mode]]);
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
writeFileSync(
  resultFile,
  JSON.stringify({
    mode,
    rows,
    seconds,
    // processor time of every thread (main, garbage collector, file reads): less at the mercy of
    // other processes on a shared machine than the wall-clock seconds
    cpuSeconds: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6,
    exitCode,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
