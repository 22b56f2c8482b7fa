import type { Action } from './index.js';
import { checkCorpus, glyphCheck } from '../../check/index.js';
import { missingGlyphs } from '../../render/pdf/glyphs.js';
import { collect, formatDiagnostic } from '../../diagnostics/index.js';
import { EXIT } from '../context.js';

export const action: Action<[options: { json?: boolean }]> = ({ ctx, setExit }, options) => {
  const corpus = ctx.corpus();
  checkCorpus(corpus, { corpus: [glyphCheck(missingGlyphs)] }, { record: ctx.checkRecord });
  // Only the checks whose inputs change after an edit run next time.
  ctx.checkRecord?.save({ pruneUnits: true });
  ctx.saveRecords();
  const diagnostics = collect(corpus.files);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (options.json) {
    ctx.json({ ok: errors === 0, errors, warnings: diagnostics.length - errors, diagnostics });
  } else {
    for (const d of diagnostics) ctx.io.stderr(formatDiagnostic(d) + '\n');
    ctx.io.stderr(`${corpus.versions.length} document versions, ${corpus.directions.length} directions: ${errors} errors, ${diagnostics.length - errors} warnings\n`);
  }
  setExit(errors > 0 ? EXIT.content : EXIT.ok);
};
