// The side panel: the selected node's breadcrumb and details (code, level, kind, attributes).
import { Breadcrumb, Card, Descriptions, Empty, Spin, Tag, Typography } from "antd";
import { REGION_LEVEL_NAMES } from "../../../regions/levels.js";
import { useRegionNode } from "./region-api.js";

export function RegionDetail({ code }: { code: string | undefined }) {
  const { data: node, isLoading } = useRegionNode(code);
  if (!code) return <Card><Empty description="选择一个区域查看详情" /></Card>;
  if (isLoading || !node) return <Card><Spin /></Card>;
  return (
    <Card title={node.name} data-testid="region-detail">
      <Breadcrumb style={{ marginBottom: 16 }} items={[...node.ancestors.map((a) => ({ title: a.name })), { title: node.name }]} />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="代码">{node.code}</Descriptions.Item>
        <Descriptions.Item label="层级">{REGION_LEVEL_NAMES[node.level]}</Descriptions.Item>
        <Descriptions.Item label="类型">{node.kind ?? "—"}{node.special && <Tag color="orange" style={{ marginInlineStart: 8 }}>专属网格</Tag>}</Descriptions.Item>
        {node.shortName && node.shortName !== node.name && <Descriptions.Item label="简称">{node.shortName}</Descriptions.Item>}
        <Descriptions.Item label="下级数量">{node.childCount}</Descriptions.Item>
        {node.retired && <Descriptions.Item label="状态">已撤销</Descriptions.Item>}
        {Object.entries(node.attrs).map(([key, value]) => (
          <Descriptions.Item key={key} label={key}>
            <AttrValue value={value} />
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}

function AttrValue({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>—</>;
  if (typeof value !== "object") return <>{String(value)}</>;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object")) return <>{value.join("、")}</>;
  return (
    <Typography.Paragraph style={{ margin: 0 }}>
      <pre style={{ margin: 0, fontSize: 12, maxHeight: 240, overflow: "auto" }}>{JSON.stringify(value, null, 2)}</pre>
    </Typography.Paragraph>
  );
}
