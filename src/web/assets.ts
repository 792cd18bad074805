import profileJson from '../../profiles/23-073-S10.json';
import inputColumnsEn from '../../templates/input-columns-en.json';
import inputColumnsSv from '../../templates/input-columns-sv.json';
import workbookEn from '../../templates/workbook-en.json';
import workbookSv from '../../templates/workbook-sv.json';
import type { Lang } from '../findings/catalogue.js';
import { parseProjectProfile, type ProjectProfile } from '../project/profile.js';
import { parseWorkbookLabels, type WorkbookLabels } from '../report/labels.js';
import { parseTemplateTexts, type TemplateTexts } from '../template/texts.js';

/**
 * The files the CLI reads from the package at run time (the built-in profile, the workbook and
 * template wording), bundled into the page: the same JSON, checked by the same schemas when first used.
 */

declare const ESF_REPORT_VERSION: string;

/** The package version, set by the bundler from package.json. */
export const TOOL_VERSION: string = typeof ESF_REPORT_VERSION === 'string' ? ESF_REPORT_VERSION : '0.0.0';

export function builtInProfile(): ProjectProfile {
  const parsed = parseProjectProfile(profileJson);
  if ('problems' in parsed) throw new Error(`the built-in profile is invalid: ${parsed.problems.join('; ')}`);
  return parsed.profile;
}

export function workbookLabels(lang: Lang): WorkbookLabels {
  const parsed = parseWorkbookLabels(lang === 'sv' ? workbookSv : workbookEn);
  if ('problems' in parsed) throw new Error(`workbook-${lang}.json is not a complete workbook template: ${parsed.problems.join('; ')}`);
  return parsed.labels;
}

export function templateTexts(lang: Lang): TemplateTexts {
  const parsed = parseTemplateTexts(lang === 'sv' ? inputColumnsSv : inputColumnsEn);
  if ('problems' in parsed) throw new Error(`input-columns-${lang}.json is incomplete: ${parsed.problems.join('; ')}`);
  return parsed.texts;
}
