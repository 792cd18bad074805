import { chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sh, workflowRunLines, writeConsumerProject } from '../helpers/consumer-app.js';
import { ROOT } from '../helpers/run-bin.js';

// The package as a user gets it: packed (npm test has built dist/), installed into a project of its
// own with no network, and run from other directories. The CI examples of docs/ci.md run here too.
const FIXTURE = join(ROOT, 'fixtures/participants.csv');
const BAD = join(ROOT, 'fixtures/bad/date-invalid.csv');
const ENV = { ESF_REPORT_TODAY: '2026-11-20', NO_COLOR: '1', npm_config_offline: 'true', npm_config_update_notifier: 'false' };

let tmp: string;
let app: string;
let tarball: string;
let workflow: string[];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'esf-report-package-'));
  // --ignore-scripts: prepack would rebuild dist/ under the other tests' feet; npm test built it already
  const packed = await sh(`npm pack --ignore-scripts --silent --pack-destination ${JSON.stringify(tmp)}`, ROOT, ENV);
  expect(packed.code, packed.stderr).toBe(0);
  tarball = packed.stdout.trim().split('\n').pop()!;
  app = join(tmp, 'participant-data');
  await mkdir(join(app, 'data'), { recursive: true });
  await writeConsumerProject(app, `../${tarball}`);
  await copyFile(FIXTURE, join(app, 'data/participants.csv'));
  workflow = workflowRunLines(await readFile(join(ROOT, 'docs/examples/check-participants.yml'), 'utf8'));
  // the workflow's first step installs, exactly as written (offline through npm_config_offline)
  expect(workflow[0]).toMatch(/^npm ci\b/);
  const install = await sh(workflow[0]!, app, ENV);
  expect(install.code, install.stderr).toBe(0);
}, 600_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the built CLI, profiles, templates and docs, and no sources, tests or fixtures', async () => {
    const list = (await sh(`tar -tzf ${JSON.stringify(join(tmp, tarball))}`, tmp)).stdout.split('\n').filter(Boolean);
    for (const f of ['package/bin/esf-report', 'package/dist/cli/main.js', 'package/dist/cli/THIRD-PARTY-LICENSES.txt', 'package/profiles/23-073-S10.json', 'package/templates/workbook-sv.json', 'package/docs/README.md', 'package/CHANGELOG.md', 'package/LICENSE', 'package/README.md']) {
      expect(list).toContain(f);
    }
    expect(list.filter((f) => /^package\/(src|test|fixtures|scripts|dist\/scripts)\//.test(f) || f.endsWith('.ts'))).toEqual([]);
  });

  it('installs with no install scripts of its own and the bin linked', async () => {
    const pkg = JSON.parse(await readFile(join(app, 'node_modules/esf-report/package.json'), 'utf8')) as { scripts?: Record<string, string>; private?: boolean };
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts?.[s]).toBeUndefined();
    expect(pkg.private).toBeUndefined();
    expect(await readdir(join(app, 'node_modules/.bin'))).toContain('esf-report');
  });

  it('runs validate and report from another directory, finding its profile and templates in the package', async () => {
    const elsewhere = await mkdtemp(join(tmp, 'elsewhere-'));
    const bin = JSON.stringify(join(app, 'node_modules/.bin/esf-report'));
    const version = await sh(`${bin} --version`, elsewhere, ENV);
    expect(version.stdout.trim()).toBe((JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    const validate = await sh(`${bin} validate ${JSON.stringify(FIXTURE)} --format json`, elsewhere, ENV);
    expect(validate.code, validate.stderr).toBe(0);
    expect(JSON.parse(validate.stdout)).toMatchObject({ schema: 'esf-report/validation@1', files: [{ rows: 110, errors: 0 }] });
    const report = await sh(`${bin} report ${JSON.stringify(FIXTURE)} --period 2026-Q3 -o hissen.xlsx`, elsewhere, ENV);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout.trim()).toBe('hissen.xlsx');
    expect(await readdir(elsewhere)).toEqual(['hissen.xlsx']);
    const head = (await readFile(join(elsewhere, 'hissen.xlsx'))).subarray(0, 2).toString('latin1');
    expect(head).toBe('PK');
  });
});

describe('docs/ci.md: the GitHub Actions workflow, step by step', () => {
  it('passes on a clean export, with the indicators as JSON', async () => {
    for (const line of workflow.slice(1)) {
      const r = await sh(line, app, ENV);
      expect(r.code, `${line}\n${r.stderr}`).toBe(0);
    }
    const doc = JSON.parse(await readFile(join(app, 'indicators.json'), 'utf8')) as { schema: string; period: { label: string } };
    expect(doc.schema).toBe('esf-report/indicators@1');
    expect(doc.period.label).toBe('2026-Q3'); // no --period: the latest quarter ended by the day
  });

  it('fails the check step on an export with errors, each shown as an annotation on its line', async () => {
    const step = workflow.find((l) => l.includes('--format github'))!;
    await copyFile(BAD, join(app, 'data/participants.csv'));
    try {
      const r = await sh(step, app, ENV);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^::error file=data\/participants\.csv,line=3,title=DATE_INVALID::/m);
    } finally {
      await copyFile(FIXTURE, join(app, 'data/participants.csv'));
    }
  });
});

describe('docs/ci.md: the pre-commit hook', () => {
  it('lets a clean export be committed and refuses one with errors', async () => {
    const git = (args: string) => sh(`git ${args}`, app, { ...ENV, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' });
    expect((await git('init -q')).code).toBe(0);
    await copyFile(join(ROOT, 'docs/examples/pre-commit'), join(app, '.git/hooks/pre-commit'));
    await chmod(join(app, '.git/hooks/pre-commit'), 0o755);
    await git('add data/participants.csv');
    const clean = await git('commit -q -m clean');
    expect(clean.code, clean.stderr).toBe(0);

    await copyFile(BAD, join(app, 'data/participants.csv'));
    await git('add data/participants.csv');
    const refused = await git('commit -q -m bad');
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('DATE_INVALID');
    expect((await git('log --oneline')).stdout.trim().split('\n')).toHaveLength(1);
    await copyFile(FIXTURE, join(app, 'data/participants.csv'));
  });
});
