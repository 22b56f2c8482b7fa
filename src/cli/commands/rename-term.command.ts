import type { Define } from './index.js';
import { examples } from '../help.js';

export const defineRenameTerm: Define = (program, lazy) => {
  program
    .command('rename-term')
    .description('rename a defined term: its definition and every use in the clauses and rules of that version')
    .argument('<ref>', 'the version to edit: DOC@VERSION (AL@21.0) or a Markdown file')
    .argument('<old>', 'the term as defined now')
    .argument('<new>', 'its new name')
    .option('--dry-run', 'print the change as a unified diff and write nothing')
    .addHelpText(
      'after',
      examples(
        ["secdoc rename-term AL@21.0 'Dormant Meter' 'Inactive Meter'", 'the definition and every use in AL v21.0'],
        ["secdoc rename-term AL@21.0 'Dormant Meter' 'Inactive Meter' --dry-run", 'show the change as a diff first'],
      ),
    )
    .action(lazy(() => import('./rename-term.js')));
};
