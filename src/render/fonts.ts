/**
 * The one typeface of every annex: Arimo, whose widths match Arial's (SEC documents are set in
 * Arial), under the SIL Open Font License, shipped as TTF files by the npm package
 * `@expo-google-fonts/arimo`. Typst takes the files as font data, the HTML pack carries copies
 * for its @font-face rules, and Word names Arial, which Arimo stands in for metric for metric.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const FONT_FAMILY = 'Arimo';

export interface FontFace {
  /** The file name the HTML pack publishes it under (`fonts/<file>`). */
  file: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

export const FONT_FACES: readonly FontFace[] = [
  { file: 'Arimo_400Regular.ttf', weight: 400, style: 'normal' },
  { file: 'Arimo_400Regular_Italic.ttf', weight: 400, style: 'italic' },
  { file: 'Arimo_700Bold.ttf', weight: 700, style: 'normal' },
  { file: 'Arimo_700Bold_Italic.ttf', weight: 700, style: 'italic' },
];

/** The font's licence, published beside the files. */
export const FONT_LICENCE_FILE = 'OFL.txt';

const require = createRequire(import.meta.url);

const folderOf = (face: FontFace) => face.file.replace(/^Arimo_/, '').replace(/\.ttf$/, '');

export function fontBytes(face: FontFace): Buffer {
  return readFileSync(require.resolve(`@expo-google-fonts/arimo/${folderOf(face)}/${face.file}`));
}

export function fontLicence(): Buffer {
  return readFileSync(require.resolve('@expo-google-fonts/arimo/LICENSE_FONT'));
}
