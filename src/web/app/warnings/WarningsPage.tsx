// 预警中心 (being built).
import { Typography } from "antd";

export function WarningsPage() {
  return <Typography.Title level={3}>预警中心</Typography.Title>;
}
