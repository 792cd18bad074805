import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Encoding names as they appear in output (`cli.md`). */
export const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type EncodingName = (typeof ENCODINGS)[number];

const ENCODING_ALIASES: Readonly<Record<string, EncodingName>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8-bom',
  'utf8-bom': 'utf-8-bom',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16': 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
  windows1252: 'windows-1252',
  cp1252: 'windows-1252',
  win1252: 'windows-1252',
  'latin-1': 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  ansi: 'windows-1252',
};

/** Parses a user-given `--encoding` value; undefined when not recognised. */
export function parseEncodingName(value: string): EncodingName | undefined {
  return ENCODING_ALIASES[value.trim().toLowerCase()];
}

/** The encoding a byte-order mark announces, and the BOM's length. */
export function detectBom(head: Uint8Array): { encoding: EncodingName; length: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** Thrown by a decoder when the bytes do not decode; caught by the reader and turned into ENCODING_INVALID. */
export class DecodeError extends Error {
  constructor(readonly byteOffset: number, readonly detail: string) {
    super(detail);
  }
}

/** A streaming decoder: feed chunks, get text; `end()` flushes and checks a truncated tail. */
export interface StreamDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

/** Bytes that Windows-1252 leaves undefined; iconv-lite would map them silently. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function createDecoder(encoding: EncodingName): StreamDecoder {
  let offset = 0;
  if (encoding === 'windows-1252') {
    const dec = iconv.getDecoder('win1252');
    return {
      write(chunk) {
        for (let i = 0; i < chunk.length; i++) {
          const b = chunk[i]!;
          if (b === 0 || CP1252_UNDEFINED.has(b)) {
            throw new DecodeError(offset + i, `byte 0x${b.toString(16).padStart(2, '0').toUpperCase()}`);
          }
        }
        offset += chunk.length;
        return dec.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
      },
      end: () => dec.end() ?? '',
    };
  }
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const dec = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  return {
    write(chunk) {
      try {
        const text = dec.decode(chunk, { stream: true });
        offset += chunk.length;
        return text;
      } catch {
        throw new DecodeError(offset, 'invalid byte sequence');
      }
    },
    end() {
      try {
        return dec.decode();
      } catch {
        throw new DecodeError(offset, 'truncated byte sequence at the end of the file');
      }
    },
  };
}

/**
 * Bytes at the end of `bytes` that begin a UTF-8 sequence the chunk does not finish (0–3): only a
 * prefix that could still become a valid character is carried over; anything else is left in, so
 * that it is judged at once, as a streaming fatal TextDecoder does.
 */
function unfinishedTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const lead = bytes[n - back]!;
    if ((lead & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const need = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 1;
    if (need <= back) return 0;
    if (back >= 2) {
      // the second byte's range depends on the lead (no overlong forms, surrogates or > U+10FFFF)
      const second = bytes[n - back + 1]!;
      const [lo, hi] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      if (second < lo || second > hi) return 0;
    }
    return back;
  }
  return 0;
}

/**
 * Whether a stream of bytes is valid UTF-8 with no NUL bytes. Stops at the first bad byte, so a
 * Windows-1252 file (whose first å is invalid UTF-8) costs little; a UTF-8 file is read once
 * through, checked by `isUtf8` (no strings made) with a sequence cut by a chunk end carried over.
 */
export async function scanUtf8(chunks: AsyncIterable<Uint8Array>): Promise<'valid' | 'invalid' | 'binary'> {
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    if (chunk.indexOf(0) !== -1) return 'binary';
    let bytes = chunk;
    if (carry.length > 0) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
    }
    const cut = bytes.length - unfinishedTail(bytes);
    // the Windows-1252 decoder rejects NUL bytes later on, so stopping here loses nothing
    if (!isUtf8(bytes.subarray(0, cut))) return 'invalid';
    carry = bytes.slice(cut);
  }
  return carry.length > 0 ? 'invalid' : 'valid';
}
