/**
 * `npm run build:web`: bundles the engine (src/ outside cli/) and the page (src/web/) with esbuild
 * into one self-contained file, dist/web/esf-report.html: the worker's code, the page's code and
 * its CSS inline, no font or request outside the file, and a Content-Security-Policy that lets the
 * page reach no network at all (scripts and styles are allowed by their SHA-256 only).
 *   node dist/scripts/build-web.js [--out FILE] [--test-engine FILE.mjs]
 * `--test-engine` also writes the engine, bundled with the same browser builds of the
 * dependencies, as an ES module that Node can import (the test that the page's figures are the CLI's).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type BuildOptions } from 'esbuild';

/** The repository root, whether this runs compiled (dist/scripts/) or from source (scripts/, in tests). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('build-web: no package.json above this script');
    dir = up;
  }
  return dir;
}

export const ROOT = findRoot();
export const DEFAULT_OUT = join(ROOT, 'dist/web/esf-report.html');

function sha256Base64(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** The period values offered in the page's list: every quarter, half-year and year of the reporting range, and project. */
function periodOptions(start: string, end: string): string[] {
  const first = Number(start.slice(0, 4));
  const last = Number(end.slice(0, 4)) + 1; // the six months after the project end
  const list: string[] = [];
  for (let y = first; y <= last; y++) list.push(`${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`, `${y}-H1`, `${y}-H2`, `${y}`);
  list.push('project');
  return list;
}

function common(version: string): BuildOptions {
  return {
    bundle: true,
    platform: 'browser',
    target: ['es2022'],
    format: 'iife',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    inject: [join(ROOT, 'src/web/buffer-shim.ts')],
    // the engine's one use of node:buffer (isUtf8 while detecting the encoding) gets a browser version
    plugins: [{ name: 'node-buffer', setup: (b) => b.onResolve({ filter: /^node:buffer$/ }, () => ({ path: join(ROOT, 'src/web/node-buffer.ts') })) }],
    define: { ESF_REPORT_VERSION: JSON.stringify(version), global: 'globalThis' },
    loader: { '.csv': 'binary' },
    absWorkingDir: ROOT,
  };
}

export interface WebBuild {
  readonly out: string;
  readonly bytes: number;
  readonly testEngine: string | null;
}

export async function buildWeb(options: { out?: string; testEngine?: string } = {}): Promise<WebBuild> {
  const out = resolve(options.out ?? DEFAULT_OUT);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const profile = JSON.parse(readFileSync(join(ROOT, 'profiles/23-073-S10.json'), 'utf8')) as {
    id: string;
    name: string;
    period: { start: string; end: string };
  };

  const worker = await build({ ...common(pkg.version), entryPoints: [join(ROOT, 'src/web/worker.ts')] });
  const workerCode = worker.outputFiles![0]!.text;

  const page = await build({
    ...common(pkg.version),
    entryPoints: [join(ROOT, 'src/web/page.ts')],
    define: {
      ...common(pkg.version).define,
      WORKER_SOURCE: JSON.stringify(workerCode),
      PROJECT_LABEL: JSON.stringify(`${profile.name} · ${profile.id}`),
      PERIOD_OPTIONS: JSON.stringify(periodOptions(profile.period.start, profile.period.end)),
    },
  });
  // inside an inline <script>, "</script" would end it: the bundle never needs the literal sequence
  const js = page.outputFiles![0]!.text.replace(/<\/(script)/gi, '<\\/$1');
  const css = readFileSync(join(ROOT, 'src/web/page.css'), 'utf8');

  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256Base64(js)}'`,
    `style-src 'sha256-${sha256Base64(css)}'`,
    'worker-src blob:',
    'img-src data: blob:',
    "connect-src 'none'",
    "font-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');

  const template = readFileSync(join(ROOT, 'src/web/page.html'), 'utf8');
  const html = template
    .replace('__CSP__', () => csp)
    .replace('__CSS__', () => css)
    .replace('__JS__', () => js);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);

  let testEngine: string | null = null;
  if (options.testEngine) {
    testEngine = resolve(options.testEngine);
    await build({
      ...common(pkg.version),
      format: 'esm',
      minify: false,
      write: true,
      entryPoints: [join(ROOT, 'src/web/engine.ts')],
      outfile: testEngine,
    });
  }
  return { out, bytes: Buffer.byteLength(html), testEngine };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'test-engine': { type: 'string' } } });
  const result = await buildWeb({ out: values.out, testEngine: values['test-engine'] });
  process.stdout.write(`wrote ${result.out} (${(result.bytes / 1024).toFixed(0)} KiB)\n`);
  if (result.testEngine) process.stdout.write(`wrote ${result.testEngine}\n`);
}
