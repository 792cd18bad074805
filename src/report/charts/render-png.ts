/**
 * SVG → PNG at twice the size, for the workbook (exceljs takes pictures, not charts). Node only:
 * resvg is a native module. The fonts are the bundled TTFs, never the machine's, so the picture
 * is the same everywhere (resvg draws no text at all when it finds no font).
 */
export async function renderChartPng(svg: string, fontFiles: readonly string[]): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

