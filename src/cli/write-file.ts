import { randomBytes } from 'node:crypto';
import { link, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';
import { trackTemporary, untrackTemporary } from './temp-files.js';

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export function existsError(out: string): UsageError {
  return new UsageError(`${out} exists; use --force to replace it`, { option: '--out', value: out });
}

function cannotWrite(out: string, err: unknown): UsageError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? `the folder ${dirname(out)} does not exist`
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : (code ?? (err as Error).message);
  return new UsageError(`cannot write ${out}: ${why}`, { option: '--out', value: out });
}

/**
 * Writes the bytes to a temporary file beside `out` and moves it into place, so a failure leaves no
 * half-written file (`cli.md`, "Files"). Without `force` the move is a hard link, which fails if
 * `out` appeared meanwhile: nothing is ever overwritten. The temporary file is removed whatever happens.
 */
export async function writeFileSafely(out: string, bytes: Uint8Array, force: boolean): Promise<void> {
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  trackTemporary(tmp);
  try {
    try {
      await writeFile(tmp, bytes, { flag: 'wx' });
    } catch (err) {
      throw cannotWrite(out, err);
    }
    if (force) {
      await rename(tmp, out).catch((err: unknown) => {
        throw cannotWrite(out, err);
      });
      return;
    }
    try {
      await link(tmp, out);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw existsError(out);
      // file systems without hard links: check, then rename
      if (await exists(out)) throw existsError(out);
      await rename(tmp, out).catch((e: unknown) => {
        throw cannotWrite(out, e);
      });
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
    untrackTemporary(tmp);
  }
}
