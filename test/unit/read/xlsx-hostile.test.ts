/**
 * Hostile and damaged .xlsx files: the streaming reader gives one FILE_UNREADABLE finding with a
 * reason (or the records, when the damage is where nothing is read), never an exception, and a
 * zip bomb stops at a cap instead of at the memory's end.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../../src/findings/codes.js';
import type { RawRecord } from '../../../src/read/csv-tokenizer.js';
import { bufferSource, type ByteSource } from '../../../src/read/source.js';
import { streamXlsxRecords } from '../../../src/read/xlsx-node.js';
import { readText } from '../../helpers/participants.js';

interface Part {
  readonly name: string;
  readonly data: string | Uint8Array;
  /** 0 stored, 8 deflated (the default). */
  readonly method?: number;
  readonly flags?: number;
  /** Overrides of what the directory states. */
  readonly size?: number;
  readonly crc?: number;
  /** Bytes after the compressed data, counted in its compressed size. */
  readonly trailing?: Uint8Array;
}

/** A zip written by hand, so that every field can lie. */
function zip(parts: readonly Part[], options: { zip64?: boolean } = {}): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data);
    const method = p.method ?? 8;
    const body = Buffer.concat([method === 8 ? deflateRawSync(raw) : raw, p.trailing ?? new Uint8Array()]);
    const name = Buffer.from(p.name, 'utf8');
    const crc = p.crc ?? crc32(raw);
    const size = p.size ?? raw.length;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(p.flags ?? 0, 6);
    head.writeUInt16LE(method, 8);
    head.writeUInt32LE(crc >>> 0, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    local.push(head, name, body);
    const extra = Buffer.alloc(options.zip64 ? 28 : 0);
    if (options.zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(45, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(p.flags ?? 0, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(options.zip64 ? 0xffffffff : body.length, 20);
    dir.writeUInt32LE(options.zip64 ? 0xffffffff : size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt16LE(extra.length, 30);
    dir.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 42);
    central.push(dir, name, extra);
    offset += head.length + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, dirBytes, end]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a minimal workbook with one sheet, whose `<sheetData>` is given. */
function workbookParts(sheetData: string, more: { sharedStrings?: string; tail?: string } = {}): Part[] {
  return [
    { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<workbook ${NS}><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet ${NS}><sheetData>${sheetData}</sheetData>${more.tail ?? ''}</worksheet>` },
    ...(more.sharedStrings !== undefined ? [{ name: 'xl/sharedStrings.xml', data: `<sst ${NS}>${more.sharedStrings}</sst>` }] : []),
  ];
}

async function records(bytes: Uint8Array, source: ByteSource = bufferSource('x.xlsx', bytes, 777)) {
  const got: RawRecord[] = [];
  const outcome = await streamXlsxRecords(source, {}, (r) => {
    got.push({ line: r.line, fields: [...r.fields] });
    return true;
  });
  return { outcome: outcome!, records: got };
}

async function reason(bytes: Uint8Array): Promise<string> {
  const { outcome } = await records(bytes);
  expect(outcome.unreadable).toBeDefined();
  return outcome.unreadable!;
}

const ROWS = '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>7</v></c></row>';

describe('a hand-written zip, read as the writers of SpreadsheetML write it', () => {
  it('reads stored and deflated parts, a zip64 directory, prefixes, entities and cells without r', async () => {
    const data =
      '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>a &amp; b &#229; &#x1F600; &lt;</x:t></x:is></x:c><x:c t="str"><x:v>&quot;q&quot;</x:v></x:c></x:row>' +
      '<x:row><x:c r="C2"><x:v>1.5</x:v></x:c><x:c><x:v>2</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="d"><x:v>2025-02-03T00:00:00</x:v></x:c></x:row>' +
      '<!-- a comment --><x:row r="4"><x:c r="A4" t="s"><x:v>1</x:v></x:c><x:c r="B4" t="inlineStr"><x:is><x:t><![CDATA[<raw & text>]]></x:t></x:is></x:c></x:row>';
    const sst = '<si><t>zero</t></si><si><r><t>rich </t></r><r><rPr/><t>text_x000D_</t></r><rPh><t>phonetic</t></rPh></si>';
    const parts = workbookParts(data, { sharedStrings: sst }).map((p, i) => ({ ...p, method: i % 2 ? 0 : 8 }));
    for (const options of [{}, { zip64: true }]) {
      const { outcome, records: got } = await records(zip(parts, options));
      expect(outcome).toEqual({});
      expect(got).toEqual([
        { line: 1, fields: ['a & b å 😀 <', '"q"', '', '', '', '', ''] },
        { line: 2, fields: ['', '', '1.5', '2', 'true', '#N/A', '2025-02-03'] },
        { line: 4, fields: ['rich text\r', '<raw & text>', '', '', '', '', ''] },
      ]);
    }
  });

  it('an empty shared string <si/> keeps its place, so the strings after it are not shifted', async () => {
    const data = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>';
    const { outcome, records: got } = await records(zip(workbookParts(data, { sharedStrings: '<si><t>a</t></si><si/><si><t>c</t></si>' })));
    expect(outcome).toEqual({});
    expect(got).toEqual([{ line: 1, fields: ['a', '', 'c'] }]);
  });

  it('a namespace declaration xmlns:r is not the attribute r', async () => {
    const data = '<row r="1"><c xmlns:r="urn:x" r="B1"><v>5</v></c></row>';
    const { records: got } = await records(zip(workbookParts(data)));
    expect(got).toEqual([{ line: 1, fields: ['', '5'] }]);
  });

  it('reads the same from a source without random access (its bytes read into memory)', async () => {
    const bytes = zip(workbookParts(ROWS));
    const plain: ByteSource = { name: 'x.xlsx', open: bufferSource('x.xlsx', bytes, 100).open };
    expect(await records(bytes, plain)).toEqual(await records(bytes));
    expect((await records(bytes)).records).toEqual([
      { line: 1, fields: ['id'] },
      { line: 2, fields: ['7'] },
    ]);
  });
});

describe('a damaged or hostile .xlsx is unreadable, with the reason', () => {
  const good = workbookParts(ROWS, { sharedStrings: '<si><t>x</t></si>' });
  const withPart = (name: string, change: Partial<Part>) => good.map((p) => (p.name === name ? { ...p, ...change } : p));

  it.each([
    ['an encrypted part', withPart('xl/worksheets/sheet1.xml', { flags: 1 }), /is encrypted/],
    ['an unknown compression', withPart('xl/worksheets/sheet1.xml', { method: 12 }), /other than deflate/],
    ['a wrong checksum', withPart('xl/worksheets/sheet1.xml', { crc: 1234 }), /checksum/],
    ['a part larger than stated (a bomb hidden by its header)', withPart('xl/worksheets/sheet1.xml', { size: 10 }), /more than its stated size/],
    ['a part smaller than stated', withPart('xl/workbook.xml', { size: 100000 }), /not the 100000/],
    [
      'shared strings over the cap',
      workbookParts('<row r="1"><c t="s"><v>0</v></c></row>', { sharedStrings: '<si><t>x</t></si>' }).map((p) =>
        p.name === 'xl/sharedStrings.xml' ? { ...p, size: 600 * 2 ** 20 } : p,
      ),
      /larger than 512 MB/,
    ],
    ['a document type declaration', workbookParts('<!DOCTYPE x [<!ENTITY a "aaaa">]>' + ROWS), /document type/],
    ['a cell beyond XFD', workbookParts('<row r="1"><c r="XFE1"><v>1</v></c></row>'), /last column/],
    ['a row beyond 1,048,576', workbookParts('<row r="1048577"><c><v>1</v></c></row>'), /last \(1,048,576\)/],
    ['a shared string that is not there', workbookParts('<row r="1"><c t="s"><v>5</v></c></row>', { sharedStrings: '<si><t>x</t></si>' }), /shared string 5/],
    ['overlapping merged ranges', workbookParts(ROWS, { tail: '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>' }), /overlap/],
    ['merged cells by the billion', workbookParts(ROWS, { tail: '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>' }), /merged cells/],
    [
      'a sheet cut off in a tag',
      withPart('xl/worksheets/sheet1.xml', { data: `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2" ` }),
      /cut off/,
    ],
    ['no workbook part', good.filter((p) => p.name !== 'xl/workbook.xml'), /no Excel workbook/],
  ])('%s', async (_, parts, expected) => {
    expect(await reason(zip(parts))).toMatch(expected);
  });

  it('a shared string of 20 MB makes its row too long, and is not kept whole', async () => {
    const { outcome, records: got } = await records(
      zip(workbookParts('<row r="1"><c><v>1</v></c></row><row r="2"><c t="s"><v>0</v></c></row>', { sharedStrings: `<si><t>${'&amp;'.repeat(4 << 20)}</t></si>` })),
    );
    expect(outcome).toEqual({ tooLong: 2 });
    expect(got).toEqual([{ line: 1, fields: ['1'] }]);
  });

  it('bytes after the end of a deflated part are left alone, as zip readers do', async () => {
    const { outcome, records: got } = await records(zip(withPart('xl/worksheets/sheet1.xml', { trailing: new Uint8Array(300_000).fill(7) })));
    expect(outcome).toEqual({});
    expect(got.map((r) => r.fields)).toEqual([['id'], ['7']]);
  });

  it('a zip cut off anywhere, or with bytes overwritten anywhere, is read or unreadable, never an exception', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Deltagare');
    ws.addRow(['deltagar_id', 'kön', 'födelsedatum', 'startdatum', 'arbetsmarknadsstatus']);
    for (let i = 1; i <= 30; i++) ws.addRow([`P-${i}`, i % 2 ? 'kvinna' : 'man', new Date(Date.UTC(1990, 0, i)), '2025-02-03', 'arbetslös']);
    ws.mergeCells('F2:G3');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const hand = zip(workbookParts(ROWS, { sharedStrings: '<si><t>x</t></si>' }), { zip64: true });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(bytes, hand),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.boolean(),
        async (original, cut, flips, truncate) => {
          const damaged = new Uint8Array(truncate ? original.subarray(0, cut % original.length) : original);
          if (!truncate) for (const [at, value] of flips) damaged[at % damaged.length] = value;
          const { outcome } = await records(damaged);
          if (outcome.unreadable !== undefined) expect(outcome.unreadable).toMatch(/^not a readable \.xlsx workbook|^the workbook has no sheets/);
          // through the participant reader: findings with known codes, never an exception
          const { summary } = await readText(damaged, { file: 'x.xlsx' });
          for (const f of summary.findings) expect(FINDING_CODES[f.code]).toBeDefined();
        },
      ),
      { numRuns: Number(process.env.XLSX_FUZZ_RUNS ?? 300) },
    );
  });
});
