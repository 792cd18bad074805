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

/** A byte source over a file on disk; opening it never changes the file. `progress` hears the bytes read. */
export function fileSource(path: string, progress?: (bytesRead: number) => void): ByteSource {
  return {
    name: path,
    open: () => {
      const stream = createReadStream(path, { highWaterMark: 1 << 18 });
      if (progress) {
        let read = 0;
        stream.on('data', (chunk) => {
          read += chunk.length;
          progress(read);
        });
      }
      return stream;
    },
  };
}

/**
 * Progress on stderr for long reads, only on a terminal and not with --quiet (`cli.md`): a
 * percentage that appears after a second and is cleared when done.
 */
export function progressFor(output: Output, quiet: boolean, label: string, totalBytes: number): { tick: (bytes: number) => void; done: () => void } {
  if (quiet || !output.stderrIsTty || totalBytes < 1 << 20) return { tick: () => {}, done: () => {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    tick(bytes) {
      const now = Date.now();
      if (now - started < 1000 || now - last < 200) return;
      last = now;
      shown = true;
      output.err(`\r${label} ${Math.min(100, Math.floor((bytes / totalBytes) * 100))} %   `);
    },
    done() {
      if (shown) output.err(`\r${' '.repeat(label.length + 10)}\r`);
    },
  };
}

/** The size of a file in bytes (0 when it cannot be read; the reader reports why). */
export async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
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
