/**
 * The zip container of an .xlsx file, read by offset: the central directory at its end (zip64 too),
 * then each part by its local header, inflated with Node's zlib. Nothing is written to disk, every
 * part but the worksheet is inflated with a cap, and every inconsistency (an entry outside the
 * file, an encrypted or unknown compression, a size or CRC that does not match) is a `ZipProblem`
 * with a reason a person can read. Node only: zlib is loaded when a zip is opened.
 */
import type * as NodeZlib from 'node:zlib';
import type { RandomReader } from './source.js';

/** A zip that cannot be read, and why (the reader reports it as FILE_UNREADABLE). */
export class ZipProblem extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ZipProblem';
  }
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly headerOffset: number;
}

/** Node's zlib: the name is not a literal, so that the web page's bundler leaves it out (the page reads .xlsx with exceljs). */
const NODE_ZLIB = ['node', 'zlib'].join(':');
let zlibModule: Promise<typeof NodeZlib> | undefined;

/** zlib, or undefined where there is none (a browser: not even asked for, so that the page makes no request). */
export async function loadZlib(): Promise<typeof NodeZlib | undefined> {
  const node = (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node;
  if (typeof node !== 'string') return undefined;
  try {
    return await (zlibModule ??= import(NODE_ZLIB) as Promise<typeof NodeZlib>);
  } catch {
    return undefined;
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A central directory larger than this is not an .xlsx worth reading (an .xlsx has a few dozen parts). */
const MAX_DIRECTORY_BYTES = 64 << 20;
const READ_CHUNK = 1 << 18;

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 0x1000000;
}
function u64(b: Uint8Array, i: number): number {
  const high = u32(b, i + 4);
  if (high >= 0x200000) throw new ZipProblem('a zip64 size or offset beyond any real file');
  return u32(b, i) + high * 0x100000000;
}

/** Exactly `length` bytes at `offset`, or a ZipProblem naming what was cut off. */
async function readExactly(file: RandomReader, offset: number, length: number, what: string): Promise<Uint8Array> {
  if (offset < 0 || length < 0 || offset + length > file.size) throw new ZipProblem(`the zip is cut off or damaged (${what} lies outside the file)`);
  const bytes = await file.read(offset, length);
  if (bytes.length !== length) throw new ZipProblem(`the zip is cut off (${what})`);
  return bytes;
}

const utf8 = new TextDecoder('utf-8');

/** A zip archive open for reading its entries by name. */
export class ZipArchive {
  private constructor(
    private readonly file: RandomReader,
    private readonly zlib: typeof NodeZlib,
    /** Entries by their name in lower case (part names of an .xlsx are case-insensitive). */
    private readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  /** Reads the directory of a zip. */
  static async open(file: RandomReader, zlib: typeof NodeZlib): Promise<ZipArchive> {
    const tailLength = Math.min(file.size, 22 + 0xffff);
    const tail = await readExactly(file, file.size - tailLength, tailLength, 'its end');
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (u32(tail, i) === EOCD && i + 22 + u16(tail, i + 20) <= tail.length) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new ZipProblem('the zip has no directory at its end (the file is cut off or not a zip)');
    let count = u16(tail, at + 10);
    let directorySize = u32(tail, at + 12);
    let directoryOffset = u32(tail, at + 16);
    if (u16(tail, at + 4) !== 0 || u16(tail, at + 6) !== 0) throw new ZipProblem('a zip split over several files');
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      const eocdOffset = file.size - tailLength + at;
      const locator = await readExactly(file, eocdOffset - 20, 20, 'the zip64 locator');
      if (u32(locator, 0) !== ZIP64_LOCATOR) throw new ZipProblem('a zip64 directory without its locator');
      const record = await readExactly(file, u64(locator, 8), 56, 'the zip64 directory record');
      if (u32(record, 0) !== ZIP64_EOCD) throw new ZipProblem('a damaged zip64 directory record');
      count = u64(record, 32);
      directorySize = u64(record, 40);
      directoryOffset = u64(record, 48);
    }
    if (directorySize > MAX_DIRECTORY_BYTES) throw new ZipProblem('a zip directory far larger than any .xlsx has');
    const dir = await readExactly(file, directoryOffset, directorySize, 'the zip directory');
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > dir.length || u32(dir, p) !== CENTRAL) throw new ZipProblem('a damaged zip directory');
      const nameLength = u16(dir, p + 28);
      const extraLength = u16(dir, p + 30);
      const commentLength = u16(dir, p + 32);
      if (p + 46 + nameLength + extraLength + commentLength > dir.length) throw new ZipProblem('a damaged zip directory');
      const name = utf8.decode(dir.subarray(p + 46, p + 46 + nameLength)).replace(/\\/g, '/');
      let compressedSize = u32(dir, p + 20);
      let size = u32(dir, p + 24);
      let headerOffset = u32(dir, p + 42);
      if (compressedSize === 0xffffffff || size === 0xffffffff || headerOffset === 0xffffffff) {
        // the zip64 extra field holds, in this order, the sizes and offset that did not fit
        let e = p + 46 + nameLength;
        const end = e + extraLength;
        let found = false;
        while (e + 4 <= end) {
          const id = u16(dir, e);
          const length = u16(dir, e + 2);
          if (e + 4 + length > end) throw new ZipProblem('a damaged zip64 field');
          if (id === 0x0001) {
            let q = e + 4;
            const next = (): number => {
              if (q + 8 > e + 4 + length) throw new ZipProblem('a damaged zip64 field');
              const v = u64(dir, q);
              q += 8;
              return v;
            };
            if (size === 0xffffffff) size = next();
            if (compressedSize === 0xffffffff) compressedSize = next();
            if (headerOffset === 0xffffffff) headerOffset = next();
            found = true;
            break;
          }
          e += 4 + length;
        }
        if (!found) throw new ZipProblem('a zip64 entry without its sizes');
      }
      const entry: ZipEntry = { name, method: u16(dir, p + 10), flags: u16(dir, p + 8), crc: u32(dir, p + 16), compressedSize, size, headerOffset };
      const key = name.toLowerCase().replace(/^\//, '');
      if (!entries.has(key)) entries.set(key, entry);
      p += 46 + nameLength + extraLength + commentLength;
    }
    return new ZipArchive(file, zlib, entries);
  }

  /** The entry of a part (`xl/workbook.xml`), case aside. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.toLowerCase().replace(/^\//, ''));
  }

  /** Where an entry's compressed bytes start, checked against its local header. */
  private async dataOffset(entry: ZipEntry): Promise<number> {
    if (entry.flags & 0x41) throw new ZipProblem(`the part ${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipProblem(`the part ${entry.name} is compressed with a method other than deflate (${entry.method})`);
    if (entry.method === 0 && entry.compressedSize !== entry.size) throw new ZipProblem(`the stored part ${entry.name} has two different sizes`);
    const header = await readExactly(this.file, entry.headerOffset, 30, `the header of ${entry.name}`);
    if (u32(header, 0) !== LOCAL) throw new ZipProblem(`the part ${entry.name} is not where the zip directory says`);
    const start = entry.headerOffset + 30 + u16(header, 26) + u16(header, 28);
    if (start + entry.compressedSize > this.file.size) throw new ZipProblem(`the part ${entry.name} is cut off`);
    return start;
  }

  /**
   * The inflated bytes of an entry, chunk by chunk; its size and CRC are checked at its end. More
   * than `cap` bytes (or more than the directory says) stops the read with a ZipProblem.
   */
  async *stream(entry: ZipEntry, cap = Number.MAX_SAFE_INTEGER): AsyncGenerator<Uint8Array> {
    if (entry.size > cap) throw new ZipProblem(`the part ${entry.name} is larger than ${Math.round(cap / 2 ** 20)} MB once unpacked`);
    const start = await this.dataOffset(entry);
    const { file, zlib } = this;
    const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32 ?? softCrc32;
    let crc = 0;
    let total = 0;
    const check = (chunk: Uint8Array): void => {
      total += chunk.length;
      if (total > entry.size) throw new ZipProblem(`the part ${entry.name} unpacks to more than its stated size`);
      crc = crc32(chunk, crc);
    };
    const end = start + entry.compressedSize;
    if (entry.method === 0) {
      for (let at = start; at < end; at += READ_CHUNK) {
        const chunk = await readExactly(file, at, Math.min(READ_CHUNK, end - at), `the part ${entry.name}`);
        check(chunk);
        yield chunk;
      }
    } else {
      const inflate = zlib.createInflateRaw({ chunkSize: 1 << 16 });
      let readError: unknown;
      // the compressed bytes are written as the inflated ones are taken, so memory holds a chunk or two
      const feed = async (): Promise<void> => {
        try {
          for (let at = start; at < end; at += READ_CHUNK) {
            const chunk = await readExactly(file, at, Math.min(READ_CHUNK, end - at), `the part ${entry.name}`);
            if (inflate.destroyed) return;
            if (!inflate.write(chunk)) await drained(inflate);
          }
          if (!inflate.destroyed) inflate.end();
        } catch (err) {
          readError = err;
          inflate.destroy(err instanceof Error ? err : new Error(String(err)));
        }
      };
      const feeding = feed();
      try {
        for await (const chunk of inflate as AsyncIterable<Buffer>) {
          check(chunk);
          yield chunk;
        }
      } catch (err) {
        if (readError !== undefined) throw readError;
        if (err instanceof ZipProblem) throw err;
        throw new ZipProblem(`the part ${entry.name} is damaged (${(err as { code?: string }).code === 'Z_BUF_ERROR' ? 'cut off' : 'not valid deflate data'})`);
      } finally {
        inflate.destroy();
        await feeding;
      }
      if (readError !== undefined) throw readError;
    }
    if (total !== entry.size) throw new ZipProblem(`the part ${entry.name} unpacks to ${total} bytes, not the ${entry.size} the zip states`);
    if (crc >>> 0 !== entry.crc >>> 0) throw new ZipProblem(`the part ${entry.name} is damaged (its checksum does not match)`);
  }

  /** An entry's text (UTF-8), at most `cap` bytes unpacked. */
  async text(entry: ZipEntry, cap: number): Promise<string> {
    const decoder = new TextDecoder('utf-8');
    let text = '';
    for await (const chunk of this.stream(entry, cap)) text += decoder.decode(chunk, { stream: true });
    return text + decoder.decode();
  }
}

/** Until a stream wants more input (or is closed). */
function drained(stream: NodeZlib.InflateRaw): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done).off('close', done);
      resolve();
    };
    stream.on('drain', done).on('close', done);
  });
}

let crcTable: Int32Array | undefined;

/** CRC-32 for a Node without `zlib.crc32` (before 20.15). */
function softCrc32(data: Uint8Array, value = 0): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
