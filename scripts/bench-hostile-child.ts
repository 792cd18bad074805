/**
 * One run of the hostile-file benchmark in a process of its own, so that its peak memory is its own:
 *   node dist/scripts/bench-hostile-child.js RESULT.json -- ARGS…
 * Runs the real CLI in-process with ARGS (stdout goes wherever the parent sent it) and writes
 * `{ seconds, exitCode, peakRssMb }` to RESULT.json.
 */
import { writeFileSync } from 'node:fs';
import type { main as cliMain } from '../src/cli/main.js';

// the bundle bin/esf-report runs (dist/cli/, from dist/scripts/ here), so the bench measures what users run
const { main } = (await import(new URL('../cli/main.js', import.meta.url).href)) as { main: typeof cliMain };

const [resultFile, dashes, ...args] = process.argv.slice(2);
if (!resultFile || dashes !== '--') {
  process.stderr.write('usage: bench-hostile-child RESULT.json -- ARGS…\n');
  process.exit(2);
}
const started = process.hrtime.bigint();
const exitCode = await main(['node', 'esf-report', ...args]);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
writeFileSync(resultFile, JSON.stringify({ seconds, exitCode, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
