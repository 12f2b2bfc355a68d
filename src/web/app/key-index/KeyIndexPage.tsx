// 关键指数 (being built).
import { Typography } from "antd";

export function KeyIndexPage() {
  return <Typography.Title level={3}>关键指数</Typography.Title>;
}
