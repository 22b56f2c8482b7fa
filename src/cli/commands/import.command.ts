import type { Define } from './index.js';
import { examples } from '../help.js';

export const defineImport: Define = (program, lazy) => {
  program
    .command('import')
    .description('read a Word file (.docx) into a Markdown source: numbering as Word shows it, tracked changes accepted (or rejected)')
    .argument('<file>', 'the .docx file')
    .option('--appendix <letter>', 'front matter: the SEC appendix letter (AL)')
    .option('--short-name <name>', 'front matter: the short name (TMAD)')
    .option('--title <title>', "front matter: the title (default: the file's Title paragraph, else its document properties)")
    // `--version` is the program's own option (secdoc's version), wherever it stands.
    .option('--doc-version <version>', 'front matter: the version (19.0)')
    .option('--replaces <version>', 'front matter: the version this one replaces')
    .option('--designated-by <direction>', 'front matter: the id of the designating direction')
    .option('--classification <text>', 'front matter: the classification')
    .option('--out <file>', 'write the source to a file instead of standard output')
    .option('--reject', 'reject every tracked change: the text before the changes')
    .option('--both <files...>', 'write two sources, OLD.md (changes rejected) and NEW.md (changes accepted)')
    .addHelpText(
      'after',
      examples(
        ['secdoc import TMAD-v19.docx --appendix AL --doc-version 19.0 --out documents/tmad/v19.0.md', 'a Word appendix into a source, numbering and all'],
        ['secdoc import annex-A.docx --both old.md new.md', 'a marked-up annex as its old and new text, for secdoc diff'],
      ),
    )
    .action(lazy(() => import('./import.js')));
};
