/** The part of pdfmake 0.3's server build (a singleton) that Fuyou uses; the package ships no types. */
declare module 'pdfmake' {
  /** A font file, or a TrueType collection with the PostScript name of the face to use. */
  type FontSource = string | [string, string];
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(
      fonts: Record<string, { normal?: FontSource; bold?: FontSource; italics?: FontSource; bolditalics?: FontSource }>,
    ): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
