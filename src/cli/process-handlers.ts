import { redact } from '../core/redact.js';
import { EXIT } from './errors.js';
import { removeTemporaryFiles } from './temp-files.js';

/** The exit code of a process ended by a signal, as shells report it: 128 + the signal number. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/** What a write error on stdout means for the user: nothing (a closed pipe), or one sentence and exit 2. */
export function stdoutFailure(err: unknown): { readonly exitCode: 0 | 2; readonly message: string | null } {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') return { exitCode: EXIT.ok, message: null };
  const why =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EFBIG'
          ? 'the file is too large'
          : (code ?? (err instanceof Error ? err.message : 'unknown error'));
  return { exitCode: EXIT.usage, message: `esf-report: cannot write the output to standard output: ${why}\n` };
}

let installed = false;

/**
 * Makes the environment's failures quiet (`pitfalls.md`, "Streams and signals"): a closed pipe on
 * stdout (`| head -1`) ends the program silently with exit 0; a full disk or another write error
 * on stdout exits 2 with one sentence; SIGINT and SIGTERM remove the temporary files and exit
 * 130 and 143. Never a stack trace. Installed once per process by `main`.
 */
export function installProcessHandlers(): void {
  if (installed) return;
  installed = true;
  process.stdout.on('error', (err) => {
    const { exitCode, message } = stdoutFailure(err);
    if (message !== null) {
      try {
        process.stderr.write(redact(message));
      } catch {
        // stderr is gone too: the exit code says it
      }
    }
    removeTemporaryFiles();
    process.exit(exitCode);
  });
  // Nothing useful can be done when stderr itself fails; the exit code still tells.
  process.stderr.on('error', () => undefined);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      removeTemporaryFiles();
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}
