/** Where a usage mistake lies: the option (as typed on the command line, `--period`) and the value given, when there is one. */
export interface UsageWhere {
  readonly option?: string | null | undefined;
  readonly value?: string | null | undefined;
}

/** A mistake in how the tool was called (bad option, missing file, existing output): exit 2, no stack. */
export class UsageError extends Error {
  readonly option: string | null;
  readonly value: string | null;
  constructor(message: string, where: UsageWhere = {}) {
    super(message);
    this.name = 'UsageError';
    this.option = where.option ?? null;
    this.value = where.value ?? null;
  }
}

/** Exit codes of `cli.md`, the same for every command. */
export const EXIT = { ok: 0, dataErrors: 1, usage: 2, internal: 3 } as const;
