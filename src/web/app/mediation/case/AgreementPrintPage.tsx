// /agreements/:id/print: the 人民调解协议书 laid out on A4 for printing. Works inside or outside the app's shell: the
// print style shows the document alone.
import { Button, Result, Spin } from "antd";
import { useParams } from "react-router";
import { chineseDate } from "../../../../mediation/agreements/chinese-date.js";
import { useAgreement } from "./mediation-api.js";

const PRINT_CSS = `
.agreement-sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 25mm 28mm; background: #fff; color: #000;
  font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 15px; line-height: 2; box-shadow: 0 0 8px rgba(0,0,0,.15); }
.agreement-sheet h1 { text-align: center; font-size: 26px; letter-spacing: 8px; margin: 0 0 8px; font-weight: bold; }
.agreement-sheet .number { text-align: right; margin-bottom: 16px; }
.agreement-sheet h2 { font-size: 16px; margin: 14px 0 4px; font-weight: bold; }
.agreement-sheet p { text-indent: 2em; margin: 0; white-space: pre-wrap; }
.agreement-sheet .signatures { margin-top: 40px; }
.agreement-sheet .signatures div { margin-bottom: 18px; }
.agreement-sheet .seal { text-align: right; margin-top: 32px; }
.agreement-sheet .draft { color: #999; text-align: right; }
.agreement-toolbar { width: 210mm; margin: 0 auto 12px; text-align: right; }
@page { size: A4; margin: 0; }
@media print {
  body * { visibility: hidden; }
  .agreement-sheet, .agreement-sheet * { visibility: visible; }
  .agreement-sheet { position: absolute; left: 0; top: 0; box-shadow: none; }
  .agreement-toolbar { display: none; }
}`;

export function AgreementPrintPage() {
  const id = Number(useParams().id);
  const { data: a, isLoading, error } = useAgreement(id);
  if (isLoading) return <Spin />;
  if (!a) return <Result status="404" subTitle={error ? (error as Error).message : "协议书不存在"} />;
  const paragraphs = (text: string) => text.split(/\n+/).filter((p) => p.trim()).map((p, i) => <p key={i}>{p.trim()}</p>);
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="agreement-toolbar">
        <Button type="primary" onClick={() => window.print()}>打印</Button>{" "}
        <Button href={`/api/agreements/${a.id}/pdf`} target="_blank">下载 PDF</Button>
      </div>
      <div className="agreement-sheet">
        <h1>人民调解协议书</h1>
        <div className="number">{a.number}</div>
        {a.status === "draft" && <div className="draft">（草稿，尚未签署）</div>}
        <h2>当事人</h2>
        {a.parties.map((p, i) => <p key={i}>{p.role}：{p.name}</p>)}
        <h2>纠纷主要事实、争议事项</h2>
        {paragraphs(a.facts)}
        <h2>经调解，各方当事人自愿达成如下协议</h2>
        {paragraphs(a.terms)}
        <h2>履行期限</h2>
        <p>{a.performanceDeadline ? `各方当事人应于${chineseDate(a.performanceDeadline)}前履行完毕。` : "按上述协议约定履行。"}</p>
        <p>本协议一式{a.parties.length + 1}份，各方当事人、人民调解委员会各执一份。</p>
        <div className="signatures">
          {a.parties.map((p, i) => <div key={i}>{p.role}（签名）：{p.name}{p.confirmedAt ? `　　已确认 ${chineseDate(p.confirmedAt)}` : ""}</div>)}
          <div>调解员（签名）：{a.mediators.map((m) => m.name).join("、") || "__________"}</div>
        </div>
        <div className="seal">
          {a.committee}（印章）
          <br />
          {chineseDate(a.signedAt)}
        </div>
      </div>
    </>
  );
}
