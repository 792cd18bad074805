import { readFileSync } from 'node:fs';
import { buildTemplateModel, type TemplateModel } from '../../../src/template/model.js';
import { parseTemplateTexts } from '../../../src/template/texts.js';
import { ROOT } from '../../helpers/run-bin.js';

/** The template model from the committed texts of a language. */
export function templateModel(lang: 'sv' | 'en'): TemplateModel {
  const parsed = parseTemplateTexts(JSON.parse(readFileSync(`${ROOT}templates/input-columns-${lang}.json`, 'utf8')));
  if ('problems' in parsed) throw new Error(parsed.problems.join('\n'));
  return buildTemplateModel(lang, parsed.texts);
}
