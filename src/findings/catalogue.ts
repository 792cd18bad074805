import type { FindingCode } from './codes.js';
import type { FindingArgs } from './finding.js';

export const LANGS = ['en', 'sv'] as const;
export type Lang = (typeof LANGS)[number];

/** What a message may use: the finding's arguments and the column's name in the message's language. */
export interface MessageInput {
  readonly args: FindingArgs;
  readonly column: string | null;
  readonly line: number | null;
}

export interface MessageEntry {
  /** What was found and what was expected, in plain words, without personal data. */
  readonly text: (m: MessageInput) => string;
  /** What to do about it, once per code in the text output. */
  readonly hint: string;
}

/** A full catalogue: a code without a message does not compile. */
export type Catalogue = { readonly [C in FindingCode]: MessageEntry };

/** Reads an argument as text ('' when absent). */
export function arg(m: MessageInput, key: string): string {
  const v = m.args[key];
  return v === undefined ? '' : String(v);
}
