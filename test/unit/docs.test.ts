import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINANCING_CATEGORIES, COST_CATEGORIES, CATEGORY_FORMS } from '../../src/finance/categories.js';
import { ALL_FINDING_CODES } from '../../src/findings/codes.js';
import { findingDocAnchor, findingHint } from '../../src/findings/render.js';
import { FINDING_GROUPS } from '../../scripts/docs/findings.js';
import { generatedPages } from '../../scripts/docs/pages.js';
import { anchorsOf, headingSlug, linksOf } from '../helpers/markdown-links.js';
import { ROOT } from '../helpers/run-bin.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function markdownFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

describe('the generated pages of docs/', () => {
  it('are what the registries say now (run `npm run docs` after changing a column, an indicator, a code or an option)', async () => {
    const pages = await generatedPages();
    expect(Object.keys(pages).sort()).toEqual(['docs/cli.md', 'docs/findings.md', 'docs/indicators.md', 'docs/participant-file.md']);
    for (const [path, text] of Object.entries(pages)) {
      expect(existsSync(join(ROOT, path)), `${path} is missing: run npm run docs`).toBe(true);
      expect(read(path), `${path} has drifted from the registry: run npm run docs`).toBe(text);
    }
  });

  it('findings.md has every finding code once, under a heading the messages point to', () => {
    expect(FINDING_GROUPS.flatMap((g) => g.codes).sort()).toEqual([...ALL_FINDING_CODES].sort());
    const anchors = anchorsOf(read('docs/findings.md'));
    for (const code of ALL_FINDING_CODES) {
      const [file, anchor] = findingDocAnchor(code).split('#');
      expect(file).toBe('docs/findings.md');
      expect(anchors.has(anchor!), code).toBe(true);
      expect(findingHint(code, 'en')).toContain(`more: docs/findings.md#${anchor}`);
      expect(findingHint(code, 'sv')).toContain(`mer: docs/findings.md#${anchor}`);
    }
  });
});

describe('the hand-written pages of docs/', () => {
  it('finance.md names every ledger category in English and Swedish', () => {
    const page = read('docs/finance.md');
    for (const c of [...COST_CATEGORIES, ...FINANCING_CATEGORIES]) {
      expect(page).toContain(`\`${c}\``);
      expect(page).toContain(CATEGORY_FORMS[c][0]);
    }
  });

  it('ci.md shows the workflow and the hook exactly as the files the package test runs', () => {
    const page = read('docs/ci.md');
    expect(page).toContain(`\`\`\`yaml\n${read('docs/examples/check-participants.yml')}\`\`\``);
    expect(page).toContain(`\`\`\`sh\n${read('docs/examples/pre-commit')}\`\`\``);
  });
});

describe('links in README.md, CHANGELOG.md and docs/', () => {
  const files = ['README.md', 'CHANGELOG.md', ...markdownFiles('docs')];

  it('headings become GitHub anchors', () => {
    expect(headingSlug('DATE_INVALID')).toBe('date_invalid');
    expect(headingSlug('Finding codes (felkoder)')).toBe('finding-codes-felkoder');
    expect(headingSlug('0. Install once')).toBe('0-install-once');
    expect([...anchorsOf('# A\n## A\n```\n# not a heading\n```\n')]).toEqual(['a', 'a-1']);
  });

  it('every relative link resolves to a file inside the repository, and every anchor to a heading', () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const { target, line } of linksOf(read(file))) {
        const where = `${file}:${line}: ${target}`;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
          problems.push(`${where}: links outside the repository (users have only the package)`);
          continue;
        }
        const [path = '', anchor] = target.split('#');
        const resolved = path === '' ? join(ROOT, file) : resolve(dirname(join(ROOT, file)), decodeURIComponent(path));
        if (relative(ROOT, resolved).startsWith('..')) {
          problems.push(`${where}: outside the repository`);
          continue;
        }
        if (!existsSync(resolved)) {
          problems.push(`${where}: no such file`);
          continue;
        }
        if (anchor !== undefined && resolved.endsWith('.md') && !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)) {
          problems.push(`${where}: no heading #${anchor}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the check finds a broken link', () => {
    expect(linksOf('see [a](docs/nope.md#x) and `[b](c)`\n```\n[d](e)\n```\n[e]: ../shared/f.md')).toEqual([
      { target: 'docs/nope.md#x', line: 1 },
      { target: '../shared/f.md', line: 5 },
    ]);
  });
});
