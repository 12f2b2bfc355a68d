// /settings/regions: the region tree below the account's scope root, loaded a level at a time.
import { useQueryClient } from "@tanstack/react-query";
import { Breadcrumb, Card, Col, Row, Spin, Tree, type TreeDataNode } from "antd";
import { useMemo, useState } from "react";
import { fetchRegionNode, useRegionRoot, type RegionNodeView } from "./region-api.js";
import { RegionDetail } from "./RegionDetail.js";
import { RegionTitle } from "./RegionTitle.js";

export function RegionTreePage() {
  const client = useQueryClient();
  const { data: root } = useRegionRoot();
  // Children loaded so far, by parent code; the root's come with it.
  const [loaded, setLoaded] = useState<Record<string, RegionNodeView[]>>({});
  const [selected, setSelected] = useState<string>();

  const treeData = useMemo(() => {
    if (!root) return [];
    const children = { [root.code]: root.children, ...loaded };
    const toNode = (n: RegionNodeView): TreeDataNode => ({
      key: n.code,
      title: <RegionTitle node={n} />,
      isLeaf: n.childCount === 0,
      children: children[n.code]?.map(toNode),
    });
    return [toNode(root)];
  }, [root, loaded]);

  const loadData = async (node: TreeDataNode) => {
    const code = String(node.key);
    if (code === root?.code || loaded[code]) return;
    const detail = await fetchRegionNode(client, code);
    setLoaded((prev) => ({ ...prev, [code]: detail.children }));
  };

  if (!root) return <Spin />;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card title="区域树">
          <Breadcrumb style={{ marginBottom: 12 }} items={[...root.ancestors.map((a) => ({ title: a.name })), { title: root.name }]} />
          <Tree
            treeData={treeData}
            loadData={loadData}
            selectedKeys={[selected ?? root.code]}
            onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
            showLine
            blockNode
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <RegionDetail code={selected ?? root.code} />
      </Col>
    </Row>
  );
}
