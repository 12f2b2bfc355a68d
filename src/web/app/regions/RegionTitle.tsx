import { Badge, Space, Tag, Typography } from "antd";
import { REGION_LEVEL_NAMES } from "../../../regions/levels.js";
import type { RegionNodeView } from "./region-api.js";

/** One node in the tree: name, level, code, the special-grid tag and how many children it has. */
export function RegionTitle({ node }: { node: RegionNodeView }) {
  return (
    <Space size={6} data-testid="region-node" data-code={node.code} data-level={node.level}>
      <span className="region-name">{node.name}</span>
      <Tag style={{ marginInlineEnd: 0 }}>{REGION_LEVEL_NAMES[node.level]}</Tag>
      {node.special && <Tag color="orange" style={{ marginInlineEnd: 0 }}>专属网格</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {node.code}
      </Typography.Text>
      {node.childCount > 0 && <Badge count={node.childCount} overflowCount={999} color="#8c8c8c" title={`下级 ${node.childCount} 个`} />}
      {node.retired && <Tag color="default">已撤销</Tag>}
    </Space>
  );
}
