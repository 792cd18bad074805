import { rmSync } from 'node:fs';

/**
 * Temporary files the process has made and not yet removed (the workbook before its rename, a copy
 * of standard input). A signal or a broken stdout ends the process before `finally` blocks run, so
 * the handlers in `process-handlers.ts` remove whatever is still listed here.
 */
const live = new Set<string>();

/** Lists a temporary file (or folder) for removal if the process is stopped before it is removed. */
export function trackTemporary(path: string): void {
  live.add(path);
}

/** Forgets a temporary file that has been removed or renamed into place. */
export function untrackTemporary(path: string): void {
  live.delete(path);
}

/** Removes every temporary file still listed, synchronously (it runs on the way out); errors are ignored. */
export function removeTemporaryFiles(): void {
  for (const path of live) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // nothing more can be done on the way out
    }
    live.delete(path);
  }
}

/** The paths still listed (for tests). */
export function temporaryFiles(): readonly string[] {
  return [...live];
}
