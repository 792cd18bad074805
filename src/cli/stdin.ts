import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { UsageError } from './errors.js';
import { readErrorReason } from './io.js';
import { trackTemporary } from './temp-files.js';

/**
 * `-` as an input file reads standard input. The reader looks at a file more than once (the first
 * bytes, the encoding, then the records), so standard input is first copied to a private temporary
 * file (mode 0600, removed on exit and on SIGINT/SIGTERM) and read from there like any file:
 * memory stays bounded however large the input.
 */
let copy: string | undefined;

/** Copies standard input once, when one of `paths` is `-`; `-` twice is a usage error. */
export async function readStdinIfNamed(paths: readonly (string | undefined)[]): Promise<void> {
  const dashes = paths.filter((p) => p === '-').length;
  if (dashes === 0) return;
  if (dashes > 1) throw new UsageError('standard input (-) can be read only once; name it for one file only');
  if (copy !== undefined) return;
  let dir: string;
  try {
    dir = await mkdtemp(join(tmpdir(), 'esf-report-stdin-'));
  } catch (err) {
    throw new UsageError(`cannot copy standard input to a temporary file: ${readErrorReason(err)}`);
  }
  trackTemporary(dir);
  const path = join(dir, 'stdin');
  try {
    await pipeline(process.stdin, createWriteStream(path, { mode: 0o600 }));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read standard input: ${code === 'ENOSPC' ? 'the disk holding the temporary folder is full' : readErrorReason(err)}`);
  }
  copy = path;
}

/** The file holding standard input (after `readStdinIfNamed`). */
export function stdinPath(): string {
  if (copy === undefined) throw new Error('standard input was used before it was read');
  return copy;
}

/** The file to open for a path as typed: the copy of standard input for `-`. */
export function inputPath(path: string): string {
  return path === '-' ? stdinPath() : path;
}
