import type { Define } from './index.js';
import { examples } from '../help.js';

export const defineFmt: Define = (program, lazy) => {
  program
    .command('fmt')
    .description('normalise Markdown sources with remark-stringify (front matter kept as written); a second run changes nothing')
    .argument('[files...]', 'the files to format (default: every Markdown file under the documents folder)')
    .option('--check', 'write nothing; list the files that would change and exit 1 if any would')
    .addHelpText(
      'after',
      examples(
        ['secdoc fmt', 'normalise every source under documents/'],
        ['secdoc fmt --check', 'list the files that would change (exit 1 if any)'],
      ),
    )
    .action(lazy(() => import('./fmt.js')));
};
