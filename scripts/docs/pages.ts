import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseProjectProfile } from '../../src/project/profile.js';
import { parseTemplateTexts, type TemplateTexts } from '../../src/template/texts.js';
import { cliPage } from './cli.js';
import { findingsPage } from './findings.js';
import { indicatorsPage } from './indicators.js';
import { participantFilePage } from './participant-file.js';

/** The repository root, from scripts/docs/ (source, under vitest) or dist/scripts/docs/ (compiled). */
export const REPO_ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/scripts/') ? '../../../' : '../../', import.meta.url));

async function json(path: string): Promise<unknown> {
  return JSON.parse(await readFile(`${REPO_ROOT}${path}`, 'utf8')) as unknown;
}

async function texts(lang: 'en' | 'sv'): Promise<TemplateTexts> {
  const parsed = parseTemplateTexts(await json(`templates/input-columns-${lang}.json`));
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.texts;
}

/** Every generated page of docs/, by its path in the repository. */
export async function generatedPages(): Promise<Record<string, string>> {
  const profile = parseProjectProfile(await json('profiles/23-073-S10.json'));
  if ('problems' in profile) throw new Error(profile.problems.join('; '));
  return {
    'docs/participant-file.md': participantFilePage(await texts('en'), await texts('sv')),
    'docs/indicators.md': indicatorsPage(profile.profile),
    'docs/findings.md': findingsPage(),
    'docs/cli.md': await cliPage(),
  };
}
