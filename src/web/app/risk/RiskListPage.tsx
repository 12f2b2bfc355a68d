// /risk: 民转刑重点清单 — the cases most at risk (red first, then by points; open or closed within 90 days) and the
// people most at risk (most cases in the last 12 months, then the highest colour), in a chosen community or grid of
// the user's jurisdiction, with the colours per community. The place and the tab are in the address, to share.
import { Button, Card, Form, Select, Space, Tabs, Typography } from "antd";
import { useSearchParams } from "react-router";
import { RegionPicker } from "../regions/RegionPicker.js";
import { RiskCasesTable } from "./RiskCasesTable.js";
import { RiskPeopleTable } from "./RiskPeopleTable.js";
import { RiskSummaryTable } from "./RiskSummaryTable.js";

const TABS = ["cases", "people", "summary"] as const;
type TabKey = (typeof TABS)[number];

export function RiskListPage() {
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((t) => t === params.get("tab")) ?? "cases";
  const regionCode = params.get("region") ?? undefined;
  const level = (["red", "yellow"] as const).find((l) => l === params.get("level"));
  const set = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
      return next;
    });

  return (
    <Card title="民转刑重点清单">
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="区域">
          <Space>
            <div style={{ width: 280 }}>
              <RegionPicker value={regionCode} onChange={(region) => set({ region })} levels={["street", "community", "grid"]} placeholder="全部辖区（可选村社区或网格）" />
            </div>
            <Button disabled={!regionCode} onClick={() => set({ region: undefined })}>全部</Button>
          </Space>
        </Form.Item>
        {tab === "cases" && (
          <Form.Item label="风险">
            <Select
              allowClear
              placeholder="红色和黄色"
              style={{ width: 130 }}
              options={[{ value: "red", label: "红色" }, { value: "yellow", label: "黄色" }]}
              value={level}
              onChange={(l?: string) => set({ level: l })}
            />
          </Form.Item>
        )}
      </Form>
      <Tabs
        activeKey={tab}
        onChange={(t) => set({ tab: t === "cases" ? undefined : t })}
        items={[
          {
            key: "cases",
            label: "重点案件",
            children: (
              <>
                <Typography.Paragraph type="secondary">红色在前，同色按风险分从高到低；含在办案件和近90天内结案的案件。鼠标移到颜色上可查看风险因素。</Typography.Paragraph>
                <RiskCasesTable filter={{ regionCode, level }} />
              </>
            ),
          },
          {
            key: "people",
            label: "重点人员",
            children: (
              <>
                <Typography.Paragraph type="secondary">按近12个月涉及的案件数排序，再看其中最高的风险颜色；只计您辖区内可见的案件，证件号码和手机号已脱敏。</Typography.Paragraph>
                <RiskPeopleTable regionCode={regionCode} />
              </>
            ),
          },
          {
            key: "summary",
            label: "风险分布",
            children: <RiskSummaryTable regionCode={regionCode} onPick={(code) => set({ region: code, tab: undefined })} />,
          },
        ]}
      />
    </Card>
  );
}
