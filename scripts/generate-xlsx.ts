/**
 * Writes a participant export as an .xlsx workbook, streamed (exceljs's WorkbookWriter, shared
 * strings as Excel writes them): dates as real Excel dates, counts as numbers, everything else
 * text. For the benchmark of reading a large workbook.
 *   node dist/scripts/generate-xlsx.js IN.csv OUT.xlsx
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';

const DATE = /^\d{4}-\d\d-\d\d$/;

/** Converts the CSV (comma-separated, no quoted fields, as the fixture generator writes it) to a workbook. */
export async function csvToXlsx(csvPath: string, xlsxPath: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Deltagare');
  let header: string[] | undefined;
  let rows = 0;
  for await (const line of createInterface({ input: createReadStream(csvPath) })) {
    const fields = line.split(',');
    if (!header) {
      header = fields;
      sheet.addRow(fields).commit();
      continue;
    }
    const cells = fields.map((v, i): string | number | Date =>
      header![i]!.endsWith('_months') && /^\d+$/.test(v) ? Number(v) : DATE.test(v) && !header![i]!.startsWith('cohort') ? new Date(`${v}T00:00:00Z`) : v,
    );
    sheet.addRow(cells).commit();
    rows++;
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

if (process.argv[1]?.endsWith('generate-xlsx.js')) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    process.stderr.write('usage: generate-xlsx IN.csv OUT.xlsx\n');
    process.exit(2);
  }
  process.stdout.write(`wrote ${await csvToXlsx(input, output)} rows to ${output}\n`);
}
