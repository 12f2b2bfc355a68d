// 非警务警情流转 (being built).
import { Typography } from "antd";

export function TransfersPage() {
  return <Typography.Title level={3}>非警务警情流转</Typography.Title>;
}
