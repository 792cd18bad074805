import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = `${ROOT}bin/esf-report`;

export interface BinResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real, built bin (npm test builds first) with today pinned, from the repository root. */
export function runBin(args: readonly string[], env: Record<string, string> = {}, cwd = ROOT): Promise<BinResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...process.env, ESF_REPORT_TODAY: '2026-11-25', NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 99) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Matches a personnummer in any accepted written form. */
export const PERSONNUMMER_SHAPE = /(?<!\d)(\d{2})?\d{6}[-+]?\d{4}(?!\d)/;
