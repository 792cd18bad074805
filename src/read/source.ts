/** Where bytes come from. The CLI opens files; tests pass buffers. The core never touches the file system. */
export interface ByteSource {
  /** The name shown in findings (the path as the user typed it). */
  readonly name: string;
  /** Opens a fresh stream of the bytes from the start; may be called more than once. */
  open(): AsyncIterable<Uint8Array>;
  /**
   * Random access to the same bytes, when the source has it (a file, a buffer): what an .xlsx
   * reader needs to reach a zip's directory at its end. A source without it is read into memory.
   */
  openRandom?(): Promise<RandomReader>;
}

/** The bytes of a source by offset. Reads past the end give fewer bytes; a failed read throws `SourceUnreadable`. */
export interface RandomReader {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Random access over bytes in memory. */
export function bufferReader(bytes: Uint8Array): RandomReader {
  return {
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length))),
    close: () => Promise.resolve(),
  };
}

/** A byte source over an in-memory buffer, split into chunks to exercise streaming code paths. */
export function bufferSource(name: string, bytes: Uint8Array, chunkSize = 64 * 1024): ByteSource {
  return {
    name,
    async *open() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    },
    openRandom: () => Promise.resolve(bufferReader(bytes)),
  };
}

/**
 * Thrown by a byte source whose bytes cannot be read (no permission, an I/O error, a device that
 * refuses reads): the reader turns it into one FILE_UNREADABLE finding, never an internal error.
 */
export class SourceUnreadable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SourceUnreadable';
  }
}
