import type { Lang } from '../findings/catalogue.js';
import { findingMessage } from '../findings/render.js';
import type { FileSummaryView } from './render-findings.js';

/**
 * The sentence on stderr for each file that cannot be used at all (missing, unreadable, a required
 * column missing), for the json and github formats: their stdout carries the finding as data, and
 * the person reading the log gets the same sentence as from a usage mistake (`cli.md`). Empty when
 * every file is usable.
 */
export function unusableFileLines(files: readonly Pick<FileSummaryView, 'file' | 'unusable' | 'findings'>[], lang: Lang): string {
  const lines: string[] = [];
  for (const s of files) {
    if (!s.unusable) continue;
    for (const f of s.findings) {
      if (f.severity === 'error' && f.line === null) lines.push(`esf-report: ${f.file ?? s.file}: ${findingMessage(f, lang)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
