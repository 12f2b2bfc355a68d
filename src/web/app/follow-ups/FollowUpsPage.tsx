// 回访 (being built).
import { Typography } from "antd";

export function FollowUpsPage() {
  return <Typography.Title level={3}>回访</Typography.Title>;
}
