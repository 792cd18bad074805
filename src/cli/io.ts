import { constants, createReadStream } from 'node:fs';
import { access, open as openFile, stat } from 'node:fs/promises';
import { Chalk, type ChalkInstance } from 'chalk';
import { redact, type RedactedText } from '../core/redact.js';
import { SourceUnreadable, type ByteSource, type RandomReader } from '../read/source.js';
import { displayName } from './display-name.js';
import { readErrorReason } from './read-error.js';
import { readStdinIfNamed, stdinPath } from './stdin.js';

/**
 * Where a command writes: stdout for the result, stderr for notices and progress. Every text
 * passes the one redaction (`core/redact.ts`) on its way out, so no output path can print a
 * personnummer; `json` takes only documents serialised by `redactedJson`, whose strings are redacted.
 */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** A JSON document (or part of one) from `redactedJson`: its strings are redacted, its numbers left whole. */
  json(text: RedactedText): void;
  readonly color: ChalkInstance;
  readonly stderrIsTty: boolean;
}

export function processOutput(noColor: boolean): Output {
  const useColor = !noColor && !process.env.NO_COLOR && process.stdout.isTTY === true;
  return outputTo((t) => void process.stdout.write(t), (t) => void process.stderr.write(t), useColor, process.stderr.isTTY === true);
}

/** An Output over two raw writers: the one place where text is redacted on its way out (tests collect through it too). */
export function outputTo(writeOut: (text: string) => void, writeErr: (text: string) => void, useColor = false, stderrIsTty = false): Output {
  return {
    out: (text) => writeOut(redact(text)),
    err: (text) => writeErr(redact(text)),
    json: (text) => writeOut(text),
    color: new Chalk({ level: useColor ? 1 : 0 }),
    stderrIsTty,
  };
}

/**
 * A byte source over a file on disk (`-`: the copy of standard input); opening it never changes
 * the file. `progress` hears the bytes read. A read that fails throws `SourceUnreadable`, which the
 * reader reports as FILE_UNREADABLE (exit 2).
 */
export function fileSource(path: string, progress?: (bytesRead: number) => void): ByteSource {
  const real = path === '-' ? stdinPath() : path;
  return {
    name: displayName(path),
    async *open() {
      const stream = createReadStream(real, { highWaterMark: 1 << 18 });
      let read = 0;
      try {
        for await (const chunk of stream) {
          read += (chunk as Buffer).length;
          progress?.(read);
          yield chunk as Buffer;
        }
      } catch (err) {
        throw new SourceUnreadable(readErrorReason(err));
      } finally {
        stream.destroy();
      }
    },
    openRandom: () => randomReader(real, progress),
  };
}

/**
 * Reads of a file by offset (for an .xlsx: its zip directory, then its parts); `progress` hears half
 * of all the bytes read so far, never past the file's size: the reader goes through an .xlsx's sheet
 * twice (its merged ranges first, then its rows), so the percentage keeps moving in the second pass
 * instead of standing at 100 % while the rows are read. A failed read throws `SourceUnreadable`.
 */
async function randomReader(path: string, progress?: (bytesRead: number) => void): Promise<RandomReader> {
  let total = 0;
  let heard = 0;
  try {
    const handle = await openFile(path, 'r');
    const size = await handle.stat().then(
      (s) => s.size,
      async (err: unknown) => {
        await handle.close();
        throw err;
      },
    );
    return {
      size,
      async read(offset, length) {
        const want = Math.max(0, Math.min(length, size - offset));
        const buffer = Buffer.allocUnsafe(want);
        let got = 0;
        try {
          while (got < want) {
            const { bytesRead } = await handle.read(buffer, got, want - got, offset + got);
            if (bytesRead === 0) break;
            got += bytesRead;
          }
        } catch (err) {
          throw new SourceUnreadable(readErrorReason(err));
        }
        total += got;
        const half = Math.min(size, Math.floor(total / 2));
        if (half > heard) progress?.((heard = half));
        return buffer.subarray(0, got);
      },
      close: () => handle.close(),
    };
  } catch (err) {
    throw err instanceof SourceUnreadable ? err : new SourceUnreadable(readErrorReason(err));
  }
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
    return (await stat(path === '-' ? stdinPath() : path)).size;
  } catch {
    return 0;
  }
}

/** Why a path cannot be read as an input file, or undefined when it can. */
export async function unreadableReason(path: string): Promise<string | undefined> {
  if (path === '-') {
    // standard input: copied once to a temporary file, then read like any file
    try {
      await readStdinIfNamed([path]);
      return undefined;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }
  try {
    const s = await stat(path);
    if (s.isDirectory()) return 'it is a directory';
    if (!s.isFile()) return 'it is not a regular file';
    await access(path, constants.R_OK);
    return undefined;
  } catch (err) {
    return readErrorReason(err);
  }
}
