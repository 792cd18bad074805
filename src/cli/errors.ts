/** A mistake in how the tool was called (bad option, missing file, existing output): exit 2, no stack. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes of `cli.md`, the same for every command. */
export const EXIT = { ok: 0, dataErrors: 1, usage: 2, internal: 3 } as const;
