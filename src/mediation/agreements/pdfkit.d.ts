// The part of pdfkit (the PDF writer) this project uses. pdfkit ships no types; this stands in for @types/pdfkit.
declare module "pdfkit" {
  import type { EventEmitter } from "node:events";

  interface TextOptions {
    align?: "left" | "center" | "right" | "justify";
    width?: number;
    lineGap?: number;
    paragraphGap?: number;
    indent?: number;
    characterSpacing?: number;
    continued?: boolean;
  }

  interface DocumentOptions {
    size?: string | [number, number];
    margins?: { top: number; bottom: number; left: number; right: number };
    info?: Record<string, string | Date>;
    compress?: boolean;
    autoFirstPage?: boolean;
  }

  class PDFDocument extends EventEmitter {
    constructor(options?: DocumentOptions);
    page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
    x: number;
    y: number;
    registerFont(name: string, src: string | Buffer, family?: string): this;
    font(name: string, size?: number): this;
    fontSize(size: number): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x?: number, y?: number, options?: TextOptions): this;
    moveDown(lines?: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    stroke(color?: string): this;
    fillColor(color: string): this;
    widthOfString(text: string): number;
    addPage(options?: DocumentOptions): this;
    end(): void;
  }

  export default PDFDocument;
}
