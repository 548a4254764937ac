/**
 * PDF documents with pdfmake and a Simplified Chinese Noto Sans face. Where Debian's fonts-noto-cjk is installed its
 * TrueType collections are used; otherwise the TrueType files of the npm package @expo-google-fonts/noto-sans-sc
 * (SIL OFL 1.1, a dependency of the server), so a fresh machine with only Node.js makes PDFs too. The font files can
 * be moved with FUYOU_PDF_FONT / FUYOU_PDF_FONT_BOLD (a .ttc with FUYOU_PDF_FONT_FACE / FUYOU_PDF_FONT_BOLD_FACE
 * naming the face, or a .ttf/.otf). A missing font is a clear 503, never a crash; pdfmake may read only those files
 * and no URL.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import { AppError } from './errors';

/** A font file and, for a collection, the PostScript name of the face. */
export interface PdfFontFile {
  path: string;
  face: string | null;
}

/** The regular and bold faces used for every document. */
export interface PdfFonts {
  regular: PdfFontFile;
  bold: PdfFontFile;
}

/** The family name documents use in their styles. */
export const PDF_FONT_FAMILY = 'NotoSansSC';

const DEBIAN_NOTO = '/usr/share/fonts/opentype/noto';

/** The directory of the npm font package, or null when it is not installed. */
function npmFontDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  } catch {
    return null;
  }
}

/** The default regular and bold files: Debian's collections when present, else the npm package's TrueType files. */
function defaultFonts(exists: (path: string) => boolean): PdfFonts {
  const debian: PdfFonts = {
    regular: { path: `${DEBIAN_NOTO}/NotoSansCJK-Regular.ttc`, face: 'NotoSansCJKsc-Regular' },
    bold: { path: `${DEBIAN_NOTO}/NotoSansCJK-Bold.ttc`, face: 'NotoSansCJKsc-Bold' },
  };
  if (exists(debian.regular.path) && exists(debian.bold.path)) return debian;
  const dir = npmFontDir();
  if (!dir) return debian;
  return {
    regular: { path: join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'), face: null },
    bold: { path: join(dir, '700Bold', 'NotoSansSC_700Bold.ttf'), face: null },
  };
}

/** The fonts from the environment, defaulting to Debian's fonts-noto-cjk, then to the npm font package. */
export function pdfFonts(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): PdfFonts {
  const defaults = defaultFonts(exists);
  // a collection given by path alone is taken to be Noto CJK, whose Simplified Chinese face is named here
  const file = (path: string | undefined, face: string | undefined, def: PdfFontFile, ttcFace: string) => {
    if (!path) return face ? { path: def.path, face } : def;
    return { path, face: face || (path.toLowerCase().endsWith('.ttc') ? ttcFace : null) };
  };
  return {
    regular: file(env.FUYOU_PDF_FONT, env.FUYOU_PDF_FONT_FACE, defaults.regular, 'NotoSansCJKsc-Regular'),
    bold: file(
      env.FUYOU_PDF_FONT_BOLD ?? env.FUYOU_PDF_FONT,
      env.FUYOU_PDF_FONT_BOLD_FACE ?? (env.FUYOU_PDF_FONT_BOLD ? undefined : env.FUYOU_PDF_FONT_FACE),
      defaults.bold,
      'NotoSansCJKsc-Bold',
    ),
  };
}

/** The error when a font file is missing (the PDF cannot be made; the xlsx can). */
export function fontMissing(path: string): AppError {
  return new AppError(
    'PDF_FONT_MISSING',
    503,
    `服务器缺少中文字体文件（${path}），暂无法生成PDF，请安装 fonts-noto-cjk 或设置 FUYOU_PDF_FONT；可先导出xlsx`,
    `The server has no CJK font file (${path}): install fonts-noto-cjk or set FUYOU_PDF_FONT; xlsx export still works`,
    [],
    { font: path },
  );
}

/** Renders a pdfmake document definition with the CJK fonts (the default style uses them). */
export async function renderPdf(doc: Record<string, unknown>, fonts: PdfFonts = pdfFonts()): Promise<Buffer> {
  for (const f of [fonts.regular, fonts.bold]) if (!existsSync(f.path)) throw fontMissing(f.path);
  const src = (f: PdfFontFile): string | [string, string] => (f.face ? [f.path, f.face] : f.path);
  const allowed = new Set([fonts.regular.path, fonts.bold.path]);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => allowed.has(p));
  // fresh descriptors each time: pdfmake rewrites them while it resolves the files
  pdfmake.setFonts({
    [PDF_FONT_FAMILY]: {
      normal: src(fonts.regular),
      bold: src(fonts.bold),
      italics: src(fonts.regular),
      bolditalics: src(fonts.bold),
    },
  });
  const style = (doc.defaultStyle as Record<string, unknown> | undefined) ?? {};
  return pdfmake.createPdf({ ...doc, defaultStyle: { fontSize: 9, ...style, font: PDF_FONT_FAMILY } }).getBuffer();
}

/** Number of pages of a PDF made by {@link renderPdf} (its page objects are not compressed). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}
