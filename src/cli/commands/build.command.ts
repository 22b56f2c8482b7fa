import type { Define } from './index.js';
import { examples } from '../help.js';

/** The formats `build` publishes (the publisher checks the same list). */
const FORMATS = 'html,pdf,docx,json';

export const defineBuild: Define = (program, lazy) => {
  program
    .command('build')
    .description('publish the annex pack: clean and marked-up annexes (HTML, PDF, Word), tree JSON, index page and manifest')
    .option('--out <dir>', 'output folder, replaced in one step when the build succeeds', 'dist')
    .option('--only <doc>', 'publish one document (appendix letter or short name) or one direction (its id)')
    .option('--formats <list>', `comma-separated formats: ${FORMATS}`, FORMATS)
    .option('--author <name>', 'author of the tracked changes in the Word annexes (default: "author" under "secdoc" in ./package.json, else secdoc)')
    .option('--print', 'the print variant: every redline mark (insertions, deletions, bars) in black, for greyscale printers')
    .option('--jobs <n>', 'worker threads laying out PDFs beside the main thread, which makes the rest (default: one per core beyond the first, up to 3; 0 does everything in one thread)')
    .addHelpText(
      'after',
      examples(
        ['secdoc build', 'everything into dist/: one summary line, or a line per file on a terminal'],
        ['secdoc build --only AL --formats html,pdf', 'one document, some formats'],
        ['secdoc build --author "SEC Panel" --out /tmp/annexes', 'name the author of tracked changes'],
      ),
    )
    .action(lazy(() => import('./build.js')));
};
