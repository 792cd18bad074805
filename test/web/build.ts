import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb, type WebBuild } from '../../scripts/build-web.js';

/** Builds the page (and the Node-importable engine bundle) once per test file, into a fresh directory. */
export async function buildWebOnce(): Promise<WebBuild & { readonly dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'esf-web-'));
  const build = await buildWeb({ out: join(dir, 'esf-report.html'), testEngine: join(dir, 'engine.mjs') });
  return { ...build, dir };
}
