import type { Define } from './index.js';
import { examples } from '../help.js';

export const defineNew: Define = (program, lazy) => {
  program
    .command('new')
    .description("start the next version of a document: its source from the previous one, and the direction's designation and annexes")
    .argument('<doc>', 'the document: appendix letter or short name (AL, TMAD)')
    .option('--from <version>', 'the version to start from (default: the latest held)')
    .option('--version <new>', 'the new version (default: the next major, 20.0 -> 21.0)')
    .requiredOption('--direction <id>', 'the id of the direction that designates it (created under documents/directions/ when not held)')
    .requiredOption('--made <date>', 'the date the direction is made (YYYY-MM-DD)')
    .requiredOption('--effective <date>', 'the date the new version takes effect (YYYY-MM-DD)')
    .addHelpText(
      'after',
      examples(
        ['secdoc new AL --direction direction-2023-03-01 --made 2023-03-01 --effective 2023-03-02', 'start TMAD v21.0 from v20.0 under a new direction'],
        ['secdoc new AK --from 10.0 --version 10.1 --direction direction-2023-03-01 --made 2023-03-01 --effective 2023-03-02', 'a minor version, added to the same direction'],
      ),
    )
    .action(lazy(() => import('./new.js')));
};
