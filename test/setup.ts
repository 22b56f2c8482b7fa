/**
 * Tests run secdoc from its TypeScript sources, where the corpus cannot `require` the compiled
 * parser it loads on first use (src/corpus/parser.ts): hand it the source modules instead.
 */
import { provideParser } from '../src/corpus/parser.js';
import * as markdown from '../src/parse/index.js';
import * as yaml from '../src/parse/yaml.js';

provideParser({ markdown, yaml });
