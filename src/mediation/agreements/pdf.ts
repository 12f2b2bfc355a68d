// The agreement as a PDF (A4, Chinese text in an embedded, subset CJK font). The font comes from the
// @embedpdf/fonts-sc package (Noto Sans Hans, OFL) when installed, else from the system's WenQuanYi Micro Hei or
// Noto Sans CJK; with none of them there is no PDF (PDF_FONT_MISSING) and the print page remains.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { AppError } from "../../errors/catalogue.js";
import { AGREEMENT_STATUS_NAMES } from "../kinds.js";
import { chineseDate } from "./chinese-date.js";
import type { AgreementView } from "./views.js";

export interface CjkFont {
  path: string;
  /** The face inside a collection (.ttc). */
  family?: string;
}

function packageFont(): CjkFont | null {
  try {
    const entry = createRequire(import.meta.url).resolve("@embedpdf/fonts-sc");
    const file = path.join(path.dirname(entry), "..", "fonts", "NotoSansHans-Regular.otf");
    return fs.existsSync(file) ? { path: file } : null;
  } catch {
    return null;
  }
}

const SYSTEM_FONTS: CjkFont[] = [
  { path: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", family: "WenQuanYiMicroHei" },
  { path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", family: "NotoSansCJKsc-Regular" },
];

/** The first CJK font available: the npm package's, then the system's. */
export function findCjkFont(candidates: (() => CjkFont | null)[] = [packageFont, ...SYSTEM_FONTS.map((f) => () => (fs.existsSync(f.path) ? f : null))]): CjkFont | null {
  for (const c of candidates) {
    const font = c();
    if (font) return font;
  }
  return null;
}

let cached: { font: CjkFont; data: Buffer } | null = null;
function loadFont(): { font: CjkFont; data: Buffer } {
  if (cached) return cached;
  const font = findCjkFont();
  if (!font) throw new AppError("PDF_FONT_MISSING");
  cached = { font, data: fs.readFileSync(font.path) };
  return cached;
}

export async function agreementPdf(a: AgreementView): Promise<Buffer> {
  const { font, data } = loadFont();
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 72, bottom: 72, left: 80, right: 80 },
    info: { Title: `人民调解协议书 ${a.number}`, Subject: a.caseCode, Author: a.committee, Creator: "警情通办" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("cjk", data, font.family);
  const body = { lineGap: 6, align: "justify" as const };
  const section = (title: string, text: string) => {
    doc.moveDown(0.6).fontSize(13).text(title, { lineGap: 4 });
    doc.fontSize(12);
    for (const para of text.split(/\n+/).filter((p) => p.trim())) doc.text(para.trim(), { ...body, indent: 24 });
  };

  doc.font("cjk").fontSize(22).text("人民调解协议书", { align: "center", characterSpacing: 4 });
  doc.moveDown(0.4).fontSize(12).text(a.number, { align: "right" });
  if (a.status !== "signed" && a.status !== "performed") doc.fillColor("#999999").text(`（${AGREEMENT_STATUS_NAMES[a.status]}）`, { align: "right" }).fillColor("#000000");

  doc.moveDown(0.6).fontSize(13).text("当事人", { lineGap: 4 });
  doc.fontSize(12);
  for (const p of a.parties) doc.text(`${p.role}：${p.name}`, { ...body, indent: 24 });
  section("纠纷主要事实、争议事项", a.facts);
  section("经调解，各方当事人自愿达成如下协议", a.terms);
  section("履行期限", a.performanceDeadline ? `各方当事人应于${chineseDate(a.performanceDeadline)}前履行完毕。` : "按上述协议约定履行。");
  doc.moveDown(0.6).fontSize(12).text(`本协议一式${a.parties.length + 1}份，各方当事人、人民调解委员会各执一份。`, { ...body, indent: 24 });

  doc.moveDown(1.5).fontSize(12);
  for (const p of a.parties) {
    doc.text(`${p.role}（签名）：${p.name}　　${p.confirmedAt ? `已确认 ${chineseDate(p.confirmedAt)}` : ""}`, { lineGap: 10 });
  }
  doc.text(`调解员（签名）：${a.mediators.map((m) => m.name).join("、") || "__________"}`, { lineGap: 10 });
  doc.moveDown(1).text(`${a.committee}（印章）`, { align: "right" });
  doc.text(chineseDate(a.signedAt), { align: "right" });
  doc.end();
  return done;
}
