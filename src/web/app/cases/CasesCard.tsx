// The 案件 area's frame: the case list and the possible-duplicates queue as two tabs, each at its own address.
import { Card } from "antd";
import type { ReactNode } from "react";
import { useLocation, useNavigate } from "react-router";

const TABS = [
  { key: "/cases", label: "案件列表" },
  { key: "/cases/duplicates", label: "疑似重复" },
];

export function CasesCard({ extra, children }: { extra?: ReactNode; children: ReactNode }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <Card title="案件" tabList={TABS} activeTabKey={pathname} onTabChange={(key) => navigate(key)} tabBarExtraContent={extra}>
      {children}
    </Card>
  );
}
