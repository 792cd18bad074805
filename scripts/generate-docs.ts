/**
 * `npm run docs`: writes the generated pages of docs/ (the participant file, the indicators, the
 * finding codes, the command reference) from the tool's own registries. test/unit/docs.test.ts
 * fails when a committed page differs from what this writes.
 */
import { writeFile } from 'node:fs/promises';
import { generatedPages, REPO_ROOT } from './docs/pages.js';

for (const [path, text] of Object.entries(await generatedPages())) {
  await writeFile(`${REPO_ROOT}${path}`, text);
  process.stdout.write(`wrote ${path}\n`);
}
