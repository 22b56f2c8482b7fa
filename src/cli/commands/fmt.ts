import { readFileSync, writeFileSync } from 'node:fs';
import type { Register } from './index.js';
import { formatSource } from '../../edit/format.js';
import { sourceText } from '../../edit/source.js';
import { EXIT, UsageError } from '../context.js';

export const registerFmt: Register = (program, context, setExit) => {
  program
    .command('fmt')
    .description('normalise Markdown sources with remark-stringify (front matter kept as written); a second run changes nothing')
    .argument('[files...]', 'the files to format (default: every Markdown file under the documents folder)')
    .option('--check', 'write nothing; list the files that would change and exit 1 if any would')
    .action((files: string[], options: { check?: boolean }) => {
      const ctx = context();
      const host = ctx.io.host;
      let paths = files;
      if (paths.length === 0) {
        if (!host.exists(ctx.documentsDir)) throw new UsageError(`documents folder not found: ${ctx.documentsDir}`);
        paths = host.listFiles(ctx.documentsDir).filter((p) => /\.(md|markdown)$/i.test(p)).sort();
      }
      const changed: string[] = [];
      for (const path of paths) {
        if (!host.exists(path)) throw new UsageError(`file not found: ${path}`);
        const source = sourceText(readFileSync(path, 'utf8'));
        const formatted = formatSource(source.text);
        if (formatted === source.text) continue;
        changed.push(path);
        if (!options.check) writeFileSync(path, source.restore(formatted));
      }
      for (const path of changed) ctx.io.stdout(`${options.check ? 'would format' : 'formatted'} ${path}\n`);
      ctx.io.stdout(`${paths.length} file${paths.length === 1 ? '' : 's'}, ${changed.length} ${options.check ? 'to format' : 'formatted'}\n`);
      if (options.check && changed.length > 0) setExit(EXIT.content);
    });
};
