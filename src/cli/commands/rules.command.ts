import type { Define } from './index.js';
import { examples } from '../help.js';

export const defineRules: Define = (program, lazy) => {
  program
    .command('rules')
    .description('list the rules in force on a date (default today), for all documents or one; or compare the rules of two versions')
    .option('--at <date>', 'the date (YYYY-MM-DD); default today, or every rule of the version when --doc names one')
    .option('--doc <doc>', 'one document: a letter or short name (AL, TMAD), or one version (AL@20.0)')
    .option('--diff <refs...>', 'OLD NEW: rules added, removed and changed between two versions (e.g. AL@19.0 AL@20.0)')
    .option('--json', 'print JSON (schema: schemas/rules.schema.json)')
    .addHelpText(
      'after',
      examples(
        ['secdoc rules', 'the rules in force today'],
        ['secdoc rules --at 2022-06-10 --doc AL', 'the rules of AL in force on a date'],
        ['secdoc rules --diff AL@19.0 AL@20.0', 'rules added, removed and changed between two versions'],
      ),
    )
    .action(lazy(() => import('./rules.js')));
};
