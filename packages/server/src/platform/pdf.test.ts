import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfFonts, renderPdf } from './pdf';

describe('PDF fonts', () => {
  it("uses Debian's Noto CJK collections when both are installed", () => {
    const f = pdfFonts({}, () => true);
    expect(f.regular).toEqual({
      path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      face: 'NotoSansCJKsc-Regular',
    });
    expect(f.bold).toEqual({ path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' });
  });

  it('falls back to the TrueType files of the npm font package, which are installed with the server', () => {
    const f = pdfFonts({}, () => false);
    expect(f.regular.path).toMatch(/NotoSansSC_400Regular\.ttf$/);
    expect(f.bold.path).toMatch(/NotoSansSC_700Bold\.ttf$/);
    expect(f.regular.face).toBeNull();
    expect(existsSync(f.regular.path)).toBe(true);
    expect(existsSync(f.bold.path)).toBe(true);
  });

  it('takes the files from the environment, naming the Simplified Chinese face of a collection', () => {
    const f = pdfFonts({ FUYOU_PDF_FONT: '/opt/f/NotoSansCJK-Regular.ttc' }, () => false);
    expect(f.regular).toEqual({ path: '/opt/f/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' });
    expect(f.bold).toEqual({ path: '/opt/f/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Bold' });
    const t = pdfFonts({ FUYOU_PDF_FONT: '/opt/a.ttf', FUYOU_PDF_FONT_BOLD: '/opt/b.otf' }, () => false);
    expect(t).toEqual({ regular: { path: '/opt/a.ttf', face: null }, bold: { path: '/opt/b.otf', face: null } });
  });

  it('renders Chinese text with the npm fonts', async () => {
    const buf = await renderPdf(
      { content: [{ text: '孕产妇系统管理率', bold: true }, '舟山市'] },
      pdfFonts({}, () => false),
    );
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    // the embedded subset names the font
    expect(buf.toString('latin1')).toMatch(/NotoSansSC/);
  }, 60_000);

  it('a missing file is a 503 naming it', async () => {
    const missing = { path: '/nonexistent/x.ttf', face: null };
    await expect(renderPdf({ content: ['x'] }, { regular: missing, bold: missing })).rejects.toMatchObject({
      code: 'PDF_FONT_MISSING',
    });
  });
});
