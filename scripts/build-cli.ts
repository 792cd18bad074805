/**
 * Part of `npm run build`: bundles the command-line tool (src/cli/main.ts and everything it
 * imports) with esbuild into dist/cli/, the code bin/esf-report runs.
 *
 * Why a bundle: Node loads an ES module per file, and resolving, reading and linking some 150 of
 * ours plus zod's, commander's and chalk's files took longer than the work itself on a small export
 * (`validate` on the 110-row sample: 3.3 × a bare `node -e 0`). One minified module graph, split
 * only where a command loads its code lazily, starts in about 2 ×. Measure with `npm run bench:startup`.
 *
 * What package.json lists under `dependencies` stays outside the bundle and is imported from
 * node_modules when a command asks for it (exceljs for xlsx, vega and resvg for charts, iconv-lite).
 * The light packages every command needs (zod, commander, chalk, date-fns) are devDependencies
 * compiled into the bundle, so an install does not fetch them again; their licences are copied into
 * dist/cli/THIRD-PARTY-LICENSES.txt. A source map sits beside the code; `--debug` turns it on so that a
 * stack trace names the TypeScript lines.
 *   node dist/scripts/build-cli.js
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

/** The repository root, whether this runs compiled (dist/scripts/) or from source (scripts/, in tests). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('build-cli: no package.json above this script');
    dir = up;
  }
  return dir;
}

const ROOT = findRoot();
export const CLI_OUT = join(ROOT, 'dist/cli');

/** The packages under node_modules that a build's metafile says went into its output. */
function bundledPackages(meta: Metafile): string[] {
  const names = new Set<string>();
  for (const input of Object.keys(meta.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) names.add(m[1]!);
  }
  return [...names].sort();
}

/** The licence text of an installed package (LICENSE, LICENCE or license.md, as packages name it). */
function licenceText(pkg: string): string {
  const dir = join(ROOT, 'node_modules', pkg);
  const file = readdirSync(dir).find((f) => /^licen[cs]e(\.md|\.txt)?$/i.test(f));
  if (!file) throw new Error(`build-cli: ${pkg} is bundled but has no licence file`);
  const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license?: string };
  return `${pkg} ${version} (${license ?? 'see below'})\n\n${readFileSync(join(dir, file), 'utf8').trim()}\n`;
}

export async function buildCli(): Promise<string[]> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const external = Object.keys(pkg.dependencies ?? {});
  rmSync(CLI_OUT, { recursive: true, force: true });
  mkdirSync(CLI_OUT, { recursive: true });
  const result = await build({
    entryPoints: [join(ROOT, 'src/cli/main.ts')],
    absWorkingDir: ROOT,
    outdir: CLI_OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: ['node20'],
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    external,
    // commander is CommonJS and requires Node's own modules; an ES module bundle gives it a require
    banner: { js: "import { createRequire as __esfCreateRequire } from 'node:module'; const require = __esfCreateRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'silent',
  });
  const packages = bundledPackages(result.metafile);
  // a package compiled in must not also be installed for users: it belongs under devDependencies
  const misplaced = packages.filter((p) => pkg.devDependencies?.[p] === undefined);
  if (misplaced.length > 0) throw new Error(`build-cli: bundled, so they belong under devDependencies: ${misplaced.join(', ')}`);
  writeFileSync(
    join(CLI_OUT, 'THIRD-PARTY-LICENSES.txt'),
    `The esf-report command-line bundle (dist/cli/) contains code of these packages, under their licences:\n\n${packages.map(licenceText).join('\n---\n\n')}`,
  );
  return packages;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildCli().catch((err: unknown) => {
    process.stderr.write(`build-cli: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
