import type { Define } from './index.js';
import { examples } from '../help.js';

export const defineAt: Define = (program, lazy) => {
  program
    .command('at')
    .description('show the version of each document in force on DATE, and versions designated but not yet in force')
    .argument('<date>', 'YYYY-MM-DD')
    .option('--json', 'print JSON (schema: schemas/rules.schema.json#/$defs/at)')
    .addHelpText(
      'after',
      examples(
        ['secdoc at 2022-06-10', "each document's version in force on the day the June 2022 direction took effect"],
        ['secdoc at 2022-06-09 --json', 'the day before, as JSON'],
      ),
    )
    .action(lazy(() => import('./at.js')));
};
