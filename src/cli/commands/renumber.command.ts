import type { Define } from './index.js';
import { examples } from '../help.js';

export const defineRenumber: Define = (program, lazy) => {
  program
    .command('renumber')
    .description('renumber a clause and the run of clauses after it (or re-letter paragraphs), updating every reference and rule `clause:` in that version')
    .argument('<ref>', 'the version to edit: DOC@VERSION (AL@21.0) or a Markdown file')
    .argument('<from>', 'the clause as numbered now: 9.4, or 1.2(d) to re-letter paragraphs')
    .argument('<to>', 'its new number: 9.3, or 1.2(c)')
    .option('--dry-run', 'print the change as a unified diff and write nothing')
    .addHelpText(
      'after',
      examples(
        ['secdoc renumber AL@21.0 9.4 9.3', '9.4 becomes 9.3 and 9.5 onwards move up; every reference follows'],
        ['secdoc renumber AL@21.0 4.4(d) 4.4(c) --dry-run', 're-letter paragraphs, showing the change as a diff'],
      ),
    )
    .action(lazy(() => import('./renumber.js')));
};
