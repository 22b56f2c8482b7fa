/**
 * The Markdown parser and the YAML reader, loaded on first use. A command whose trees all come
 * from the tree cache never loads remark, micromark or yaml: they were a third of the CPU time
 * of a warm `secdoc diff`. Loading the corpus is synchronous, so they are loaded with `require`
 * of an ES module (Node 20.19 and later) rather than `import()`.
 *
 * Running from the TypeScript sources (the tests), there is no compiled module to require: the
 * test setup hands over the source modules with `provideParser`.
 */
import { createRequire } from 'node:module';
import type * as MarkdownParser from '../parse/index.js';
import type * as YamlReader from '../parse/yaml.js';

export type { MarkdownParser, YamlReader };

const require = createRequire(import.meta.url);
let markdown: typeof MarkdownParser | null = null;
let yaml: typeof YamlReader | null = null;

/** `parse/index`: parsing a decoded source. */
export function markdownParser(): typeof MarkdownParser {
  return (markdown ??= require('../parse/index.js') as typeof MarkdownParser);
}

/** `parse/yaml`: reading a YAML side file. */
export function yamlReader(): typeof YamlReader {
  return (yaml ??= require('../parse/yaml.js') as typeof YamlReader);
}

/** Use these modules instead of requiring the compiled ones (for code run from its sources). */
export function provideParser(modules: { markdown: typeof MarkdownParser; yaml: typeof YamlReader }): void {
  markdown = modules.markdown;
  yaml = modules.yaml;
}
