import type { Define } from './index.js';
import { examples } from '../help.js';

export const defineServe: Define = (program, lazy) => {
  program
    .command('serve')
    .description('live preview on 127.0.0.1: each version clean and marked up, the diagnostics of the last save, reloaded when a source is saved')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '4321')
    .addHelpText(
      'after',
      examples(
        ['secdoc serve', 'preview documents/ at http://127.0.0.1:4321/, reloading on each save'],
        ['secdoc --documents drafts serve --port 0', 'another folder, on any free port'],
      ),
    )
    .action(lazy(() => import('./serve.js')));
};
