import type { Define } from './index.js';
import { examples } from '../help.js';

export const defineTree: Define = (program, lazy) => {
  program
    .command('tree')
    .description('print the clause tree of one document version (AL@20.0), of the version in force today (AL), or of a .md file')
    .argument('<ref>', 'DOC@VERSION (AL@20.0, TMAD@20.0, tmad@v20), DOC alone for the version in force today, or a Markdown file')
    .option('--json', 'print JSON (schema: schemas/tree.schema.json)')
    .addHelpText(
      'after',
      examples(
        ['secdoc tree AL@20.0', 'the outline of TMAD v20.0'],
        ['secdoc tree AL', 'the version of AL in force today (named on stderr)'],
        ['secdoc tree contract.md --json', 'any Markdown legal document, as JSON'],
      ),
    )
    .action(lazy(() => import('./tree.js')));
};
