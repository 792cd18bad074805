import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Chalk, type ChalkInstance } from 'chalk';
import type { ByteSource } from '../read/source.js';

/** Where a command writes: stdout for the result, stderr for notices and progress. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  readonly color: ChalkInstance;
  readonly stderrIsTty: boolean;
}

export function processOutput(noColor: boolean): Output {
  const useColor = !noColor && !process.env.NO_COLOR && process.stdout.isTTY === true;
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: new Chalk({ level: useColor ? 1 : 0 }),
    stderrIsTty: process.stderr.isTTY === true,
  };
}

/** A byte source over a file on disk; opening it never changes the file. */
export function fileSource(path: string): ByteSource {
  return {
    name: path,
    open: () => createReadStream(path, { highWaterMark: 1 << 20 }),
  };
}

/** Why a path cannot be read as an input file, or undefined when it can. */
export async function unreadableReason(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return 'it is a directory';
    if (!s.isFile()) return 'it is not a regular file';
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES') return 'permission denied';
    return code ?? 'unknown error';
  }
}
