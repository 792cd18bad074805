/**
 * One measurement of the benchmark, in a process of its own so that its peak memory is its own.
 *   node dist/scripts/bench-child.js MODE FILE RESULT.json
 * MODE: csv-parse (plain parse to arrays, the baseline), validate, indicators (the real CLI in-process).
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse';
import { main } from '../src/cli/main.js';

const [mode, file, resultFile] = process.argv.slice(2);
if (!mode || !file || !resultFile) {
  process.stderr.write('usage: bench-child MODE FILE RESULT.json\n');
  process.exit(2);
}

async function plainParse(path: string): Promise<number> {
  let rows = 0;
  const parser = createReadStream(path, { highWaterMark: 1 << 18 }).pipe(parse({ relax_column_count: true }));
  for await (const _record of parser) rows++;
  return rows - 1; // the header
}

const started = process.hrtime.bigint();
let rows = 0;
let exitCode = 0;
if (mode === 'csv-parse') {
  rows = await plainParse(file);
} else if (mode === 'validate' || mode === 'indicators') {
  const args = mode === 'validate' ? ['validate', file, '--quiet'] : ['indicators', file, '--period', 'project', '--quiet', '--format', 'json'];
  exitCode = await main(['node', 'esf-report', ...args]);
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
writeFileSync(
  resultFile,
  JSON.stringify({ mode, rows, seconds, exitCode, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
