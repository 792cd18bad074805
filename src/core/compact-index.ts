/**
 * Hash indexes for the cross-row checks over a million rows, kept in typed arrays rather than
 * `Map`s: a `Map<string, number>` of one million IDs costs about 60 MB of V8 heap (and the heap
 * then grows to several times what it holds); these cost about a third of that, outside the heap.
 * Keys are compared exactly, never by hash alone.
 */

function grow<T extends Uint8Array | Int32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * Insertion-ordered set of Latin-1 strings (participant IDs are ASCII by contract), each with a
 * number attached (e.g. the line it was first seen on). A key with a character above U+00FF is refused.
 */
export class StringIndex {
  private chars = new Uint8Array(1 << 16);
  private charsUsed = 0;
  private starts = new Int32Array(1 << 12);
  private values = new Int32Array(1 << 12);
  private count = 0;
  private slots = new Int32Array(1 << 13).fill(-1);

  get size(): number {
    return this.count;
  }

  // the hash of the key last looked up: `add` follows a `find` of the same key, so it is not hashed twice
  private lastKey = '';
  private lastHash = hashString('');

  /** The ordinal of `key`, or -1 when absent. */
  find(key: string): number {
    const mask = this.slots.length - 1;
    const hash = hashString(key);
    this.lastKey = key;
    this.lastHash = hash;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const ord = this.slots[s]!;
      if (ord === -1 || this.equals(ord, key)) return ord;
    }
  }

  /** Adds `key` with `value`; returns its ordinal. The caller checks `find` first. */
  add(key: string, value: number): number {
    if ((this.count + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    if (this.count === this.starts.length - 1) {
      this.starts = grow(this.starts, this.starts.length * 2);
      this.values = grow(this.values, this.values.length * 2);
    }
    for (let i = 0; i < key.length; i++) {
      if (key.charCodeAt(i) > 0xff) throw new RangeError('StringIndex keys must be Latin-1');
    }
    while (this.charsUsed + key.length > this.chars.length) this.chars = grow(this.chars, Math.ceil(this.chars.length * 1.5));
    const ord = this.count++;
    this.starts[ord] = this.charsUsed;
    for (let i = 0; i < key.length; i++) this.chars[this.charsUsed++] = key.charCodeAt(i);
    this.starts[ord + 1] = this.charsUsed;
    this.values[ord] = value;
    this.place(key === this.lastKey ? this.lastHash : hashString(key), ord);
    return ord;
  }

  value(ord: number): number {
    return this.values[ord]!;
  }

  key(ord: number): string {
    return String.fromCharCode(...this.chars.subarray(this.starts[ord]!, this.starts[ord + 1]!));
  }

  private equals(ord: number, key: string): boolean {
    const start = this.starts[ord]!;
    if (this.starts[ord + 1]! - start !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.chars[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private place(hash: number, ord: number): void {
    const mask = this.slots.length - 1;
    let s = hash & mask;
    while (this.slots[s] !== -1) s = (s + 1) & mask;
    this.slots[s] = ord;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    const { chars, starts } = this;
    for (let ord = 0; ord < this.count; ord++) this.place(hashBytes(chars, starts[ord]!, starts[ord + 1]!), ord);
  }
}

/**
 * Map from exact non-negative integers (below 2^53) to int32 values. Open addressing at a load of
 * at most 3/4, with 0 marking an empty slot (the key 0 is kept aside): 12 bytes a slot, about
 * 16 bytes a key, so a million personnummer keys take 24 MB.
 */
export class NumberIndex {
  private keys = new Float64Array(1 << 12);
  private values = new Int32Array(1 << 12);
  private count = 0;
  private zeroValue: number | undefined;

  get(key: number): number | undefined {
    if (key === 0) return this.zeroValue;
    const { keys } = this;
    const mask = keys.length - 1;
    for (let s = hashNumber(key) & mask; keys[s] !== 0; s = (s + 1) & mask) {
      if (keys[s] === key) return this.values[s];
    }
    return undefined;
  }

  set(key: number, value: number): void {
    if (!Number.isSafeInteger(key) || key < 0) throw new RangeError('NumberIndex keys are integers from 0 to 2^53');
    if (key === 0) {
      this.zeroValue = value;
      return;
    }
    if ((this.count + 1) * 4 > this.keys.length * 3) this.rehash(this.keys.length * 2);
    const { keys } = this;
    const mask = keys.length - 1;
    let s = hashNumber(key) & mask;
    while (keys[s] !== 0) {
      if (keys[s] === key) {
        this.values[s] = value;
        return;
      }
      s = (s + 1) & mask;
    }
    keys[s] = key;
    this.values[s] = value;
    this.count++;
  }

  private rehash(size: number): void {
    const { keys, values } = this;
    this.keys = new Float64Array(size);
    this.values = new Int32Array(size);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, values[i]!);
  }
}

/** FNV-1a over UTF-16 code units. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a over stored Latin-1 bytes: the same hash as `hashString` of the key they spell. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function hashNumber(n: number): number {
  const lo = n % 0x100000000 | 0;
  const hi = Math.floor(n / 0x100000000) | 0;
  let h = Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(hi, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
