import { finding } from '../findings/finding.js';
import { SourceUnreadable, type ByteSource } from './source.js';
import { failedTable, readTable, type ReadOptions, type TableContract, type TableResult, type TableRow } from './table.js';
import { looksLikeXls, looksLikeXlsx, readXlsxTable } from './xlsx.js';

/** Reads a CSV export or an Excel workbook (told apart by their first bytes, not the file name); bytes that cannot be read are FILE_UNREADABLE. */
export async function readAnyTable(
  source: ByteSource,
  contract: TableContract,
  options: ReadOptions & { sheet?: string | undefined },
  onRow: (row: TableRow) => void,
): Promise<TableResult> {
  try {
    return await readAnyReadable(source, contract, options, onRow);
  } catch (err) {
    if (err instanceof SourceUnreadable) return failedTable(finding('FILE_UNREADABLE', { file: source.name }, { reason: err.reason }), null, null);
    throw err;
  }
}

async function readAnyReadable(
  source: ByteSource,
  contract: TableContract,
  options: ReadOptions & { sheet?: string | undefined },
  onRow: (row: TableRow) => void,
): Promise<TableResult> {
  let head: Uint8Array | undefined;
  for await (const chunk of source.open()) {
    if (chunk.length > 0) {
      head = chunk;
      break;
    }
  }
  if (head && looksLikeXlsx(head)) return readXlsxTable(source, contract, options, onRow);
  if (head && looksLikeXls(head)) {
    return failedTable(
      finding('FILE_UNREADABLE', { file: source.name }, { reason: 'old Excel format (.xls): save it as .xlsx or CSV' }),
      null,
      null,
    );
  }
  return readTable(source, contract, options, onRow);
}
