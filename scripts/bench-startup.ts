/**
 * The start-up part of `npm run bench`: the median wall time of `esf-report validate
 * fixtures/participants.csv` (the bundled 110-row sample) beside a bare `node -e 0`, each run in a
 * fresh process, alternating so that both see the same machine load. Aim: at most 2.5 ×.
 *   node dist/scripts/bench-startup.js [--runs N]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The startup aim of the issue: validate on the sample within 2.5 × a bare node start. */
export const STARTUP_AIM = 2.5;

function wallMs(args: readonly string[], cwd: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'ignore', env: { ...process.env, ESF_REPORT_TODAY: '2026-11-25', NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Measures and returns the report lines (the caller prints them). */
export function benchStartup(root: string, runs = 21): string {
  const node = ['-e', '0'];
  const validate = [join(root, 'bin/esf-report'), 'validate', 'fixtures/participants.csv'];
  for (let i = 0; i < 2; i++) {
    wallMs(node, root);
    wallMs(validate, root);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(wallMs(node, root));
    b.push(wallMs(validate, root));
  }
  const base = median(a);
  const tool = median(b);
  const ratio = tool / base;
  return [
    `start-up, median of ${runs} runs each (wall time, fresh process):`,
    `  node -e 0                                   ${base.toFixed(0).padStart(5)} ms`,
    `  esf-report validate fixtures/participants.csv ${tool.toFixed(0).padStart(3)} ms   ${ratio.toFixed(2)} × node -e 0 (aim ≤ ${STARTUP_AIM} ×: ${ratio <= STARTUP_AIM ? 'met' : 'not met'})`,
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 21;
  process.stdout.write(benchStartup(fileURLToPath(new URL('../../', import.meta.url)), runs));
}
