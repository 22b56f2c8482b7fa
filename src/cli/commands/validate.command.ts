import type { Define } from './index.js';
import { examples } from '../help.js';

export const defineValidate: Define = (program, lazy) => {
  program
    .command('validate')
    .description('check every document under --documents; print path:line:col: severity message [rule-id]')
    .option('--json', 'print diagnostics as JSON')
    .addHelpText(
      'after',
      examples(
        ['secdoc validate', 'check documents/; exit 1 when there is an error'],
        ['secdoc --documents drafts validate', 'check another folder'],
        ['secdoc validate --json', '{ ok, errors, warnings, diagnostics } for an editor or CI'],
      ),
    )
    .action(lazy(() => import('./validate.js')));
};
