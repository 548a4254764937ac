/**
 * PDF documents with pdfmake and Debian's Noto CJK fonts (package fonts-noto-cjk): the Simplified Chinese faces of
 * the Noto Sans CJK TrueType collections. The font files can be moved with FUYOU_PDF_FONT / FUYOU_PDF_FONT_BOLD
 * (a .ttc with FUYOU_PDF_FONT_FACE / FUYOU_PDF_FONT_BOLD_FACE naming the face, or a .ttf/.otf). A missing font is
 * a clear 503, never a crash; pdfmake may read only those files and no URL.
 */
import { existsSync } from 'node:fs';
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

/** The fonts from the environment, defaulting to Debian's fonts-noto-cjk. */
export function pdfFonts(env: NodeJS.ProcessEnv = process.env): PdfFonts {
  const file = (path: string | undefined, face: string | undefined, defPath: string, defFace: string) => {
    const p = path || defPath;
    return { path: p, face: face || (p.toLowerCase().endsWith('.ttc') ? defFace : null) };
  };
  return {
    regular: file(
      env.FUYOU_PDF_FONT,
      env.FUYOU_PDF_FONT_FACE,
      `${DEBIAN_NOTO}/NotoSansCJK-Regular.ttc`,
      'NotoSansCJKsc-Regular',
    ),
    bold: file(
      env.FUYOU_PDF_FONT_BOLD ?? env.FUYOU_PDF_FONT,
      env.FUYOU_PDF_FONT_BOLD_FACE ?? (env.FUYOU_PDF_FONT_BOLD ? undefined : env.FUYOU_PDF_FONT_FACE),
      `${DEBIAN_NOTO}/NotoSansCJK-Bold.ttc`,
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
