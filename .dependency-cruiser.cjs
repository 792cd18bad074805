/**
 * The one-way shape of src/ (issue 14), checked by `npm test` (`npm run lint:deps`):
 *
 *   core → findings → read → input contracts (project, participants, finance)
 *        → engines (indicators, diff, template, month) → report (and attendance, which builds on it) → cli
 *
 * A folder imports only from its own layer or the layers before it; nothing imports upwards, and
 * no two modules import each other, directly or round about. `core/` imports nothing of ours.
 */
const LAYERS = [
  ['core'],
  ['findings'],
  ['read'],
  ['project', 'participants', 'finance'],
  ['indicators', 'diff', 'template', 'month'],
  ['report', 'attendance'],
  ['cli', 'web'],
];

const folders = (layers) => `^src/(${layers.flat().join('|')})/`;

/** For each layer: it may not import any folder of a later layer. */
const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `no-upward-from-${layer.join('-')}`,
  comment: `${layer.join(', ')} may import only from ${LAYERS.slice(0, i + 1).flat().join(', ')}`,
  severity: 'error',
  from: { path: folders([layer]) },
  to: { path: folders(LAYERS.slice(i + 1)) },
}));

/**
 * Folders of one layer are independent, but for these one-way uses (so no two folders of a layer
 * can import each other): a contract reads the project profile; diff compares indicator results;
 * the attendance time report uses the workbook helpers of report.
 */
const SIBLING_USES = { finance: ['project'], participants: ['project'], diff: ['indicators'], attendance: ['report'] };

const siblings = LAYERS.flatMap((layer) =>
  layer
    .filter(() => layer.length > 1)
    .map((folder) => {
      const others = layer.filter((f) => f !== folder && !(SIBLING_USES[folder] ?? []).includes(f));
      return {
        name: `no-sibling-from-${folder}`,
        comment: `${folder} may not import ${others.join(', ')} (same layer)`,
        severity: 'error',
        from: { path: `^src/${folder}/` },
        to: { path: folders([others]) },
      };
    }),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'modules that import each other, directly or round about',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...siblings,
    {
      name: 'every-folder-in-a-layer',
      comment: 'a new folder of src/ goes into LAYERS above, so that the rules cover it',
      severity: 'error',
      from: { path: '^src/', pathNot: folders(LAYERS) },
      to: {},
    },
    ...upward,
    {
      name: 'src-not-to-tests-or-scripts',
      comment: 'the program never imports test helpers or scripts',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
