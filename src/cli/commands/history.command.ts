import type { Define } from './index.js';
import { examples } from '../help.js';

export const defineHistory: Define = (program, lazy) => {
  program
    .command('history')
    .description('follow one clause through every version of a document, with dates, status and rules')
    .argument('<doc>', 'the document: a letter or short name (AL, TMAD); DOC@VERSION finds CLAUSE in that version')
    .argument('<clause>', 'a clause number (18.12, 7.2(a)), a stable key (exclusion-data-issues) or a rule id')
    .option('--at <date>', 'give each status on this date (YYYY-MM-DD); default today')
    .option('--json', 'print JSON (schema: schemas/rules.schema.json#/$defs/history)')
    .addHelpText(
      'after',
      examples(
        ['secdoc history AL 18.12', 'Clause 18.12 of AL through every version'],
        ['secdoc history AL@19.0 7.2 --at 2022-06-10', 'a clause as numbered in v19.0, statuses on a date'],
        ['secdoc history AL exclusion-data-issues --json', 'by stable key, as JSON'],
      ),
    )
    .action(lazy(() => import('./history.js')));
};
