import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontSource } from './font-reuse';

/**
 * The fonts every SkinLedger PDF is set in. Embedded TrueType, never the PDF's 14 standard
 * fonts: those cover only Western European letters, and a clinic called "Клиника Zoë Nguyễn"
 * must print as typed. DejaVu covers Latin with accents, Vietnamese, Greek, Cyrillic, Hebrew
 * and Arabic letters; Noto Emoji (monochrome) draws the emoji DejaVu lacks (see font-runs.ts),
 * so "Zoë 🌸" prints as typed, never with an empty box.
 */
export const fontFiles = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
  monoBold: 'DejaVuSansMono-Bold.ttf',
  emoji: 'NotoEmoji-Regular.ttf',
} as const;

export type FontRole = keyof typeof fontFiles;

/** The names a document's text is set with: `doc.font(pdfFonts.bold)`. */
export const pdfFonts: Record<FontRole, string> = {
  regular: 'SkinLedger-Sans',
  bold: 'SkinLedger-Sans-Bold',
  mono: 'SkinLedger-Mono',
  monoBold: 'SkinLedger-Mono-Bold',
  emoji: 'SkinLedger-Emoji',
};

interface Registrar {
  registerFont(name: string, src: string): unknown;
}

/** Where to look for `resources/`, most specific first. */
export function resourcesFolderCandidates(override?: string): string[] {
  const candidates: string[] = [];
  if (override) candidates.push(resolve(override));
  const envOverride = process.env['SKINLEDGER_RESOURCES'];
  if (envOverride) candidates.push(resolve(envOverride));
  // Packaged app: resources/** is unpacked from the asar so pdfkit reads real files.
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.push(join(packaged, 'app.asar.unpacked', 'resources'), join(packaged, 'resources'));
  // Sources (main/pdf/) and the build (out/main/) both sit two folders below the project root.
  const here = dirname(fileURLToPath(import.meta.url));
  candidates.push(resolve(here, '..', '..', 'resources'), resolve(process.cwd(), 'resources'));
  return candidates;
}

/** The first candidate folder that really holds the fonts; a clear error if none does. */
export function findResourcesFolder(override?: string): string {
  const candidates = resourcesFolderCandidates(override);
  const found = candidates.find((folder) => existsSync(join(folder, 'fonts', fontFiles.regular)));
  if (!found) {
    throw new Error(`SkinLedger's PDF fonts were not found. Looked in: ${candidates.join(', ')}`);
  }
  return found;
}

export function fontPaths(resourcesFolder: string = findResourcesFolder()): Record<FontRole, string> {
  const folder = join(resourcesFolder, 'fonts');
  return {
    regular: join(folder, fontFiles.regular),
    bold: join(folder, fontFiles.bold),
    mono: join(folder, fontFiles.mono),
    monoBold: join(folder, fontFiles.monoBold),
    emoji: join(folder, fontFiles.emoji),
  };
}

/**
 * Gives a document the SkinLedger fonts under the names in `pdfFonts`: each as the face an
 * earlier document already parsed (see font-reuse.ts), or by its file the first time.
 */
export function registerFonts(doc: Registrar, paths: Record<FontRole, string> = fontPaths()): void {
  // pdfkit takes a parsed fontkit face wherever it takes a file; its typings list only files.
  for (const role of Object.keys(pdfFonts) as FontRole[]) doc.registerFont(pdfFonts[role], fontSource(paths[role]) as string);
}
