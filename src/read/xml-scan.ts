/**
 * A small streaming XML scanner for the SpreadsheetML an .xlsx holds: tags, their attributes and
 * the text between them, fed chunk by chunk. Not a general XML parser: no DTD (a part with one is
 * refused: no .xlsx writer emits it, and its entities are how "billion laughs" files blow up),
 * namespace prefixes are dropped (`<x:c>` is `c`), and text is handed on raw, to be decoded
 * (`decodeXml`) only where it is kept. Much faster than a SAX parser for the one thing it does.
 */

/** XML that cannot be scanned, and why. */
export class XmlProblem extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'XmlProblem';
  }
}

export interface XmlHandler {
  /** A start tag (or an empty element, `selfClosing`): its local name, and the tag as `text[from, to)`, for `attribute`. */
  open(name: string, text: string, from: number, to: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw character data `text[from, to)` (entities not decoded), only while `wantsText` is true; may come in pieces. */
  text(text: string, from: number, to: number): void;
  wantsText: boolean;
}

/** A tag longer than this is not SpreadsheetML (a hostile attribute): refused rather than held. */
const MAX_TAG = 1 << 20;

/** Feeds text to a handler as tags and text; a construct cut by a chunk's end waits for the next chunk. */
export class XmlScanner {
  private rest = '';

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const buf = this.rest.length > 0 ? this.rest + chunk : chunk;
    this.rest = '';
    const h = this.handler;
    const n = buf.length;
    let i = 0;
    while (i < n) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) {
        if (h.wantsText) h.text(buf, i, n);
        return;
      }
      if (lt > i && h.wantsText) h.text(buf, i, lt);
      i = lt;
      const next = buf.charCodeAt(lt + 1);
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        const end = this.special(buf, lt);
        if (end < 0) break;
        i = end;
        continue;
      }
      const closing = next === 47; /* / */
      // the name (a namespace prefix, `x:c`, is dropped), then the end of the tag: the first `>`
      // outside a quoted attribute value
      let nameStart = lt + (closing ? 2 : 1);
      let nameEnd = nameStart;
      let c = 0;
      for (; nameEnd < n; nameEnd++) {
        c = buf.charCodeAt(nameEnd);
        if (c === 62 || c === 32 || c === 47 || c === 9 || c === 10 || c === 13) break;
        if (c === 58) nameStart = nameEnd + 1;
      }
      let gt = -1;
      if (c === 62 && nameEnd < n) gt = nameEnd;
      else if (closing) gt = buf.indexOf('>', nameEnd);
      else {
        let quote = 0;
        for (let j = nameEnd; j < n; j++) {
          const d = buf.charCodeAt(j);
          if (quote !== 0) {
            if (d === quote) quote = 0;
          } else if (d === 62) {
            gt = j;
            break;
          } else if (d === 34 || d === 39) quote = d;
        }
      }
      if (gt < 0) break;
      const name = buf.slice(nameStart, nameEnd);
      if (closing) h.close(name);
      else {
        const selfClosing = buf.charCodeAt(gt - 1) === 47;
        h.open(name, buf, lt, gt + 1, selfClosing);
        if (selfClosing) h.close(name);
      }
      i = gt + 1;
    }
    if (i < n) {
      if (n - i > MAX_TAG) throw new XmlProblem('a tag longer than 1 MB');
      this.rest = buf.slice(i);
    }
  }

  /** Comments, processing instructions and CDATA; a DOCTYPE is refused. The index after it, or -1 when cut off. */
  private special(buf: string, lt: number): number {
    if (buf.startsWith('<!--', lt)) {
      const end = buf.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      // handed on as raw text: its `&` escaped, so that decoding gives the literal text back
      if (this.handler.wantsText) {
        const literal = buf.slice(lt + 9, end).replace(/&/g, '&amp;').replace(/</g, '&lt;');
        this.handler.text(literal, 0, literal.length);
      }
      return end + 3;
    }
    if (buf.startsWith('<?', lt)) {
      const end = buf.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (buf.length - lt < 9) return -1;
    throw new XmlProblem(buf.startsWith('<!DOCTYPE', lt) ? 'a document type declaration (no .xlsx writer puts one in)' : 'XML that is not well formed');
  }

  /** The end of the text: what is left must be nothing but an unfinished tag's absence. */
  end(): void {
    if (this.rest.trim().length > 0) throw new XmlProblem('the XML is cut off');
  }
}

/** Whether `text[start, end)` is `name`, or `prefix:name`. */
function isLocalName(text: string, start: number, end: number, name: string): boolean {
  const n = name.length;
  if (end - start < n || !text.startsWith(name, end - n)) return false;
  if (end - start === n) return true;
  // `prefix:name`, but not `xmlns:name` (a namespace declaration, not an attribute of that name)
  return text.charCodeAt(end - n - 1) === 58 /* : */ && !(end - n - 1 - start === 5 && text.startsWith('xmlns', start));
}

/** Where a tag's element name ends (`<c`, `<x:c`: at the first space, `/` or `>`); the tag is `text[from, to)`. */
export function afterName(text: string, from: number, to: number): number {
  let i = from + 1;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    i++;
  }
  return i;
}

/**
 * The value of an attribute of a tag (`r` of `<c r="A1" t="s">`), by local name, raw (not
 * decoded); undefined when absent. The tag is `text[from, to)`, so that no copy of it is made.
 */
export function attribute(text: string, name: string, from = 0, to = text.length): string | undefined {
  let i = afterName(text, from, to);
  while (i < to) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c === 47 || c === 62) return undefined;
    const start = i;
    while (i < to) {
      c = text.charCodeAt(i);
      if (c === 61 || c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
      i++;
    }
    const nameEnd = i;
    while (i < to) {
      c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i++;
    }
    if (text.charCodeAt(i) !== 61) continue; // an attribute without a value: not XML, ignored
    i++;
    while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) i++;
    const quote = text.charCodeAt(i);
    if (quote !== 34 && quote !== 39) return undefined;
    const end = text.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end < 0 || end >= to) return undefined;
    if (isLocalName(text, start, nameEnd, name)) return text.slice(i + 1, end);
    i = end + 1;
  }
  return undefined;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with XML's five entities and numeric character references decoded; anything else is left as written. */
export function decodeXml(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) !== 35) return NAMED[ref]!;
    const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** Excel's escapes of characters XML cannot hold (`_x000D_`), decoded as exceljs decodes them (upper-case hex). */
export function decodeExcelEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
