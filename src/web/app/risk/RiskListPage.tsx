// 民转刑重点清单 (being built).
import { Typography } from "antd";

export function RiskListPage() {
  return <Typography.Title level={3}>民转刑重点清单</Typography.Title>;
}
