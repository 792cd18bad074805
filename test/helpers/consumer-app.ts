import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './run-bin.js';

export interface ExecResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a shell command line, as a CI step or a hook would, and collects its output. */
export function sh(command: string, cwd: string, env: Record<string, string> = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', command], { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 99) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/**
 * Makes `dir` a project that depends on the packed tarball, with a lock file built from this
 * repository's own: the same dependency versions, so that `npm ci` installs them from the npm
 * cache that installing this repository filled, with no network.
 */
export async function writeConsumerProject(dir: string, tarballName: string): Promise<void> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
    dependencies: Record<string, string>;
    bin: Record<string, string>;
    engines: Record<string, string>;
  };
  const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const spec = `file:${tarballName}`;
  const packages: Record<string, unknown> = {
    '': { name: 'participant-data', dependencies: { 'esf-report': spec } },
    'node_modules/esf-report': {
      version: pkg.version,
      resolved: spec,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key.startsWith('node_modules/') && !entry.dev) packages[key] = entry;
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'participant-data', private: true, dependencies: { 'esf-report': spec } }, null, 2)}\n`);
  await writeFile(join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'participant-data', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

/** The `run:` lines of a GitHub Actions workflow's steps, in order (single-line runs, as the examples use). */
export function workflowRunLines(yaml: string): string[] {
  return [...yaml.matchAll(/^\s*(?:-\s+)?run:\s*(.+)$/gm)].map((m) => m[1]!.trim());
}
