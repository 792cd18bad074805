import { unreadableFile, type ValidatedFile } from '../read/read-validated.js';
import type { ByteSource } from '../read/source.js';
import { displayName } from './display-name.js';
import { fileSource, unreadableReason } from './io.js';

/**
 * An input file as a command gets it: a byte source to read, or, when the file cannot be opened
 * (missing, a directory, no permission, standard input that cannot be copied), the summary of an
 * unusable file holding one FILE_UNREADABLE finding (exit 2). The one way the CLI turns "cannot
 * open" into a finding; a read that fails later in the file becomes the same finding in the reader.
 */
export type InputFile =
  | { readonly source: ByteSource; readonly unreadable: null }
  | { readonly source: null; readonly unreadable: ValidatedFile };

/** Opens `path` (`-`: standard input) as an input file; `progress` hears the bytes read. */
export async function openInput(path: string, progress?: (bytesRead: number) => void): Promise<InputFile> {
  const reason = await unreadableReason(path);
  if (reason !== undefined) return { source: null, unreadable: unreadableFile(displayName(path), reason) };
  return { source: fileSource(path, progress), unreadable: null };
}
