import { CONTEXT_CODES, INDICATOR_CODES } from '../../indicators/result.js';
import { redact } from '../../core/redact.js';
import { fillLabel } from '../labels.js';
import { text, type CellModel, type SheetModel } from '../model.js';
import { SheetBuilder } from '../sheet-builder.js';
import type { SheetContext } from '../sheet-context.js';
import { sharedCopyValues } from './summary.js';

const WIDTH = 3;

/**
 * About: the tool, the input file and its SHA-256, the options, the rules version, when it was made
 * (the only moment in the workbook), notes (preliminary, suppression, privacy), one line per
 * indicator and the completeness rule.
 */
export function aboutSheet(ctx: SheetContext): SheetModel {
  const { result, labels, meta, names } = ctx;
  const l = labels.about;
  const f = l.fields;
  const b = new SheetBuilder();
  const field = (label: string, value: CellModel) => b.add('field', [text(label), value]);
  const note = (s: string) => b.addSpanning('note', text(s), WIDTH);

  b.addSpanning('title', text(l.title), WIDTH);
  b.blank();
  field(f.tool, text(`esf-report ${meta.toolVersion}`));
  // The file name and options come from the command line: masked like any text that could carry a personnummer.
  // A shared copy never names the file: its name may name a person. The SHA-256 still ties the copy to it.
  field(f.inputFile, text(ctx.figures.plan ? l.notStated : redact(meta.input.name)));
  field(f.sha256, text(meta.input.sha256));
  if (meta.ledger) {
    field(f.ledgerFile, text(redact(meta.ledger.name)));
    field(f.ledgerSha256, text(meta.ledger.sha256));
  }
  if (meta.budget) {
    field(f.budgetFile, text(redact(meta.budget.name)));
    field(f.budgetSha256, text(meta.budget.sha256));
  }
  field(f.profile, text(meta.profileFile === null ? fillLabel(l.builtInProfile, { projectId: ctx.profile.id }) : redact(meta.profileFile)));
  field(f.options, text(redact(meta.options.join(' '))));
  field(f.rulesVersion, text(result.schema));
  field(f.generatedAt, { kind: 'datetime', value: meta.generatedAt });

  b.blank();
  if (result.period.preliminary) note(l.preliminary);
  const plan = ctx.figures.plan;
  if (plan) note(fillLabel(l.suppression, sharedCopyValues(plan, labels.common.hidden)));
  note(plan ? l.privacyShared : l.privacy);

  b.blank();
  b.add('section', [text(l.definitionsTitle)]);
  const dc = l.definitionColumns;
  b.add('header', [text(dc.code), text(dc.name), text(dc.definition)]);
  for (const code of INDICATOR_CODES) b.add('data', [text(code), text(names.indicator(code)), text(l.definitions[code])]);
  for (const code of CONTEXT_CODES) b.add('data', [text(code), text(names.context(code)), text(l.definitions[code])]);
  b.blank();
  note(l.periodRule);

  b.blank();
  b.add('section', [text(l.completenessTitle)]);
  note(l.completeness);

  const name = labels.sheetNames.about;
  return b.build({ key: 'about', name, headerRows: 1, wrap: [{ column: 2, maxWidth: 66 }, { column: 3, maxWidth: 70 }], print: ctx.print(name) });
}
