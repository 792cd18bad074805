import type { ChartModel } from './chart-model.js';
import { chartSpec } from './spec.js';

/** Collects what vega and vega-lite would print: a chart never writes to the terminal. */
function collectingLogger(sink: string[]) {
  let level = 2;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      sink.push(`error: ${args.map(String).join(' ')}`);
      return logger;
    },
    warn(...args: unknown[]) {
      sink.push(`warning: ${args.map(String).join(' ')}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/**
 * A chart as an SVG document (a string), drawn by vega without a canvas (`renderer: 'none'`). vega
 * and vega-lite are loaded here, on the first chart, so commands that draw none stay fast. Runs in
 * Node and in a browser. vega's warnings go to `warnings` (the tests require none), never to stderr.
 * Expressions are interpreted (`vega-interpreter`), never compiled with `Function`: the web page's
 * Content-Security-Policy forbids eval, and the CLI draws the same way so both give the same SVG.
 */
export async function renderChartSvg(chart: ChartModel, warnings: string[] = []): Promise<string> {
  const [vega, vegaLite, { expressionInterpreter }] = await Promise.all([import('vega'), import('vega-lite'), import('vega-interpreter')]);
  const logger = collectingLogger(warnings);
  const compiled = vegaLite.compile(chartSpec(chart), { logger }).spec;
  const view = new vega.View(vega.parse(compiled, undefined, { ast: true }), {
    renderer: 'none',
    logger,
    logLevel: vega.Warn,
    expr: expressionInterpreter,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The width and height an SVG document declares on its root, in CSS pixels. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\bwidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\bheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error('chart SVG without a width and height');
  return { width, height };
}
