import type { Define } from './index.js';
import { examples } from '../help.js';

export const defineEval: Define = (program, lazy) => {
  program
    .command('eval')
    .description('show which rules in force on a date apply to the facts of one case, with a trace of each condition')
    .argument('<facts>', 'a JSON file of facts (names and types declared in documents/facts.yaml)')
    .option('--at <date>', 'the date (YYYY-MM-DD); default today')
    .option('--doc <doc>', 'only the rules of one document (AL, TMAD) or version (AL@20.0)')
    .option('--json', 'print JSON (schema: schemas/rules.schema.json#/$defs/eval)')
    .addHelpText(
      'after',
      examples(
        ['secdoc eval examples/facts/dormant-moc-mds.json', 'which rules in force today apply to one case, with traces'],
        ['secdoc eval examples/facts/dormant-moc-mds.json --at 2022-06-10 --doc AL', "on a date, only AL's rules"],
        ['secdoc eval examples/facts/ioc-active-gas-han-errors.json --json', 'another case, as JSON'],
      ),
    )
    .action(lazy(() => import('./eval.js')));
};
