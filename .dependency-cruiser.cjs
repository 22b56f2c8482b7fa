/**
 * The stage arrows of the README's layout ("How it works"), enforced: data flows one way, each
 * stage imports only the stages before it, renderers never see Markdown, a CLI command never
 * imports another, and the redline's three stages hand over data only (diff/index.ts composes
 * them). `npm run lint:deps` runs it; CI (.ci/run) runs it before the tests.
 */
const stage = (name, allowed) => ({
  name: `${name.replace(/\//g, '-')}-imports-only-earlier-stages`,
  comment: `src/${name} may import only ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') : 'itself'} (README, How it works)`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...allowed.map((a) => `^src/${a}(/|\\.ts$)`)] },
});

module.exports = {
  forbidden: [
    stage('model', []),
    stage('diagnostics', ['model']),
    stage('parse', ['model', 'diagnostics']),
    stage('corpus', ['model', 'diagnostics', 'parse']),
    // The redline reads only the model; rules and checks read its alignment (history, renumbering).
    stage('diff', ['model', 'diagnostics']),
    stage('time', ['model', 'diagnostics', 'corpus']),
    stage('rules', ['model', 'diagnostics', 'parse', 'corpus', 'time', 'diff']),
    stage('check', ['model', 'diagnostics', 'parse', 'corpus', 'time', 'rules', 'diff']),
    stage('render/view', ['model']),
    stage('render/html', ['model', 'render/view', 'render/fonts']),
    stage('render/pdf', ['model', 'render/view', 'render/fonts']),
    stage('render/docx', ['model', 'render/view']),
    stage('render/json', ['model', 'corpus', 'time', 'rules']),
    stage('render/text', ['model']),
    stage('publish', ['model', 'diagnostics', 'parse', 'corpus', 'time', 'rules', 'check', 'diff', 'render']),
    {
      name: 'nothing-imports-the-cli',
      comment: 'Only cli/ reads flags, the clock, the environment and the file system; nothing else imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-command-imports-another',
      comment:
        'Shared CLI helpers live in src/cli/ (context.ts, answers.ts, rewrite.ts); a command never imports another. A command is its definition <name>.command.ts and its action <name>.ts, which may import each other (the registry index.ts lists them).',
      severity: 'error',
      from: { path: '^src/cli/commands/(?!index\\.ts$)([^/.]+)(?:\\.command)?\\.ts$' },
      to: { path: '^src/cli/commands/(?!index\\.ts$)[^/]+\\.ts$', pathNot: '^src/cli/commands/$1(?:\\.command)?\\.ts$' },
    },
    {
      name: 'redline-stages-hand-over-data-only',
      comment: 'pairClauses, compareBlocks and markWords are composed by diff/index.ts alone: a stage reads the types of the one before it, never calls it.',
      severity: 'error',
      from: { path: '^src/diff/(pair|compare|mark)\\.ts$' },
      to: { path: '^src/diff/(pair|compare|mark)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'redline-stages-flow-forward',
      comment: 'pair -> compare -> mark: an earlier stage never reads a later one, not even its types.',
      severity: 'error',
      from: { path: '^src/diff/(pair|compare)\\.ts$' },
      to: { path: '^src/diff/(compare|mark)\\.ts$' },
    },
    {
      name: 'redline-helpers-below-the-stages',
      comment: 'The helpers the stages share (sequence, similarity, tokens, words) never import a stage or the composer.',
      severity: 'error',
      from: { path: '^src/diff/(sequence|similarity|tokens|words)\\.ts$' },
      to: { path: '^src/diff/(pair|compare|mark|index)\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'No module depends on itself through others at run time (a cycle of type-only imports, such as a command and the registry that lists it, is no cycle then).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count as dependencies (so a stage importing a later stage's types is caught),
    // and are told apart from value imports (so a stage may read the types of the one before it).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|lib|dist)/' },
  },
};
