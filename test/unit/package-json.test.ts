import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-bin.js';

interface PackageJson {
  private?: boolean;
  version: string;
  bin: Record<string, string>;
  files: string[];
  engines: Record<string, string>;
  exports: Record<string, string>;
  license: string;
  keywords: string[];
  scripts: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

describe('package.json: a package people can install', () => {
  it('is publishable, with its bin, engines, licence and keywords', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ 'esf-report': 'bin/esf-report' });
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.license).toBe('MIT');
    expect(pkg.keywords).toContain('esf');
    expect(pkg.exports['./package.json']).toBe('./package.json');
  });

  it('builds on pack (prepack), and installing it runs no script', () => {
    expect(pkg.scripts.prepack).toBe('npm run build');
    for (const s of ['prepare', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts[s], s).toBeUndefined();
  });

  it('ships what the CLI reads at run time and what the README links to', () => {
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist/cli', 'profiles', 'templates', 'docs', 'README.md', 'CHANGELOG.md', 'LICENSE']));
  });

  it('the changelog has a section for this version', () => {
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^## \\[?${pkg.version.replace(/\./g, '\\.')}\\]? - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });
});
