/*
 * The house rules for imports, checked by `npm run lint` (dependency-cruiser):
 *
 *   entries        src/index.ts and src/github-core.ts (the runner), src/cli.ts and src/cli/
 *                  (the command line)
 *   main           src/main.ts: wiring only
 *   report/        OperationResult → outputs, job summary, annotations, PR comment
 *   operations/    one file per operation
 *   inputs         src/inputs.ts, src/input-catalog.ts: raw strings → typed, validated inputs
 *   kinds/         what differs per timer kind, behind one interface
 *   globus/        the wire: Auth, Transfer, Timers, Flows
 *   timer/         the timer model, pure
 *   leaves         ports, the redactor, paths, words (plurals, quoted values), start-up helpers
 *
 * A file imports only from its own layer or the layers below it — type-only imports count —
 * and never in a circle. src/ and emulator/ never import each other. CONTRIBUTING.md explains
 * the layers; `npm run deps:graph` draws them.
 */

/** Top to bottom. Each layer: a name and the paths it holds. */
export const LAYERS = [
  ['entries', '^src/((index|cli|github-core)\\.ts$|cli/)'],
  ['main', '^src/main\\.ts$'],
  ['report', '^src/report/'],
  ['operations', '^src/operations/'],
  ['inputs', '^src/(inputs|input-catalog)\\.ts$'],
  ['kinds', '^src/kinds/'],
  ['globus', '^src/globus/'],
  ['timer', '^src/timer/'],
  [
    'leaves',
    '^src/(ports|core-port|redactor|compile-cache|wasm-baseline|zod-config|paths|interrupt|words)\\.ts$',
  ],
];

/** One rule per layer: nothing it holds may import a layer above it. */
const upwardImports = LAYERS.slice(1).map(([name, path], index) => ({
  name: `no-upward-import-from-${name}`,
  comment: `${name} imports only from its own layer and the ones below it`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(0, index + 1).map(([, above]) => above) },
}));

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'imports run one way: a circle means two files each need the other',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upwardImports,
    {
      name: 'src-is-placed',
      comment: 'every file of src/ belongs to a layer (add a new top-level file to LAYERS)',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS.map(([, path]) => path) },
      to: {},
    },
    {
      name: 'src-imports-placed',
      comment: 'every file of src/ another imports belongs to a layer',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: LAYERS.map(([, path]) => path) },
    },
    {
      name: 'resolvable',
      comment: 'an import that leads nowhere is a typo or a file that moved',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'src-not-emulator',
      comment: 'the action never depends on the emulator',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^emulator/' },
    },
    {
      name: 'emulator-not-src',
      comment: 'the emulator stands for Globus; it knows nothing of the action',
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|\\.tmp|\\.stryker-tmp)/' },
    // Type-only imports are dependencies too: a type from above still ties a layer to it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.mjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'types', 'default'],
    },
    reporterOptions: {
      dot: {
        collapsePattern: '^(src/[^/]+/|emulator/|node_modules/(@[^/]+/)?[^/]+)',
      },
    },
  },
};
