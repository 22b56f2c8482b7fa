/**
 * Structure: a Word table of contents, the version history, formatting, links, fields, merged
 * cells and a definitions table without a header row (test/fixtures/import/structure.docx).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repoRoot } from '../helpers.js';

const docx = join(repoRoot, 'test/fixtures/import/structure.docx');

describe('import of document structure', () => {
  it('should write headings, the version history, formatting, links, field results and tables in the source syntax', async () => {
    const r = await cli(['import', docx, '--appendix', 'AL', '--doc-version', '1.0', '--designated-by', 'baseline']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`---
appendix: AL
title: Structure fixture
version: "1.0"
designated_by: baseline
---

## Version History

| Version | Date | Description |
| - | - | - |
| 1.0 | 1 January 2022 | First version. |

## 1 Scope

1.1 **Scope.** This Document applies to *every* SMETS1 Installation, see [**the DCC website**](https://www.smartdcc.co.uk/).

1.2 As set out in Clause 1.1, on page 3 of this Document.

1.3 Issued on 9 June 2022.

1.4 The matrix:

| Cohort | Phase | Notes |
| - | - | - |
| IOC | | First cohort. |
| MOC | 2 | |

## 2 Terms

2.1 In this Document:

| Term | Meaning |
| - | - |
| Cohort | means a Migration Cohort. |
| Phase | means a phase of Migration. |
`);
  });

  it('should say what it left out or changed, where, with its words', async () => {
    const r = await cli(['import', docx]);
    const lines = r.stderr.trim().split('\n').map((l) => l.slice(docx.length + 1));
    expect(lines).toEqual([
      '1:1: warning paragraph 1: the cover page is not imported (the front matter comes from the options and the document properties): "Structure fixture / Issued by the DCC" [import-unmapped]',
      '3:1: warning paragraph 3: the table of contents is not imported (it repeats the headings): "Contents / Version History / 1 Scope / 2 Terms" [import-unmapped]',
      '16:1: warning paragraph 16 "1.2 As set out in Clause …": field {REF _Ref1 \\r \\h} is not imported as a field; its displayed text "1.1" is kept [import-field]',
      '17:1: warning paragraph 17 "1.3 Issued on 9 June 2022.": field {DATE \\@ "d MMMM yyyy"} is not imported as a field; its displayed text "9 June 2022" is kept [import-field]',
      '19:1: warning paragraph 19 "Cohort": 2 merged cells cannot be held in a Markdown table: each is imported as its first cell followed by empty cells [import-merged-cells]',
      '29:1: warning paragraph 29: a definitions table without a header row is given the header "Term | Meaning" [import-unmapped]',
    ]);
  });

  it('should take the title from the Title paragraph, --title over it', async () => {
    expect((await cli(['import', docx])).stdout).toMatch(/^---\ntitle: Structure fixture\n---\n/);
    expect((await cli(['import', docx, '--title', 'Given'])).stdout).toMatch(/^---\ntitle: Given\n---\n/);
  });
});
