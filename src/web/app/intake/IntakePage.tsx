// /intake (受理): the street centre's intake desk — upload channel files, follow batches, fix quarantined rows,
// place addresses no rule could place, and look through the records intake made. The tab is kept in the address.
import { Card, Tabs } from "antd";
import type { ReactNode } from "react";
import { useSearchParams } from "react-router";
import type { Action } from "../../../accounts/permissions.js";
import { useCan } from "../session.js";
import { AddressesTab } from "./AddressesTab.js";
import { BatchesTab } from "./BatchesTab.js";
import { QuarantineTab } from "./QuarantineTab.js";
import { RecordsTab } from "./RecordsTab.js";
import { UploadTab } from "./UploadTab.js";

const TABS: { key: string; label: string; permission: Action; page: () => ReactNode }[] = [
  { key: "upload", label: "上传导入", permission: "intake.manage", page: () => <UploadTab /> },
  { key: "batches", label: "受理批次", permission: "intake.manage", page: () => <BatchesTab /> },
  { key: "quarantine", label: "隔离区", permission: "intake.manage", page: () => <QuarantineTab /> },
  { key: "addresses", label: "待定位地址", permission: "intake.manage", page: () => <AddressesTab /> },
  { key: "records", label: "渠道记录", permission: "records.read", page: () => <RecordsTab /> },
];

export function IntakePage() {
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tabs = TABS.filter((t) => can(t.permission));
  const active = tabs.find((t) => t.key === params.get("tab"))?.key ?? tabs[0]?.key;
  return (
    <Card title="受理">
      <Tabs
        activeKey={active}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.page() }))}
      />
    </Card>
  );
}
