// Chooses a region by code: a TreeSelect over the caller's tree, loaded a level at a time.
import { useQueryClient } from "@tanstack/react-query";
import { TreeSelect } from "antd";
import { useMemo, useState } from "react";
import { REGION_LEVEL_NAMES, type RegionLevel } from "../../../regions/levels.js";
import { fetchRegionNode, useRegionRoot, type RegionNodeView } from "./region-api.js";

interface Props {
  /** Given by Form.Item, so that its label points at the control. */
  id?: string;
  value?: string;
  onChange?: (code: string) => void;
  /** Shown until the tree has loaded the chosen node. */
  valueLabel?: string;
  placeholder?: string;
  /** Only nodes of these levels can be chosen; the others still open to reach them. */
  levels?: readonly RegionLevel[];
}

export function RegionPicker({ id, value, onChange, valueLabel, placeholder = "选择区域", levels }: Props) {
  const client = useQueryClient();
  const { data: root } = useRegionRoot();
  const [extra, setExtra] = useState<RegionNodeView[]>([]);

  const treeData = useMemo(() => {
    if (!root) return [];
    const nodes = [root, ...root.children, ...extra];
    const seen = new Set<string>();
    return nodes
      .filter((n) => !seen.has(n.code) && seen.add(n.code))
      .map((n) => ({
        id: n.id,
        key: n.code,
        pId: n.id === root.id ? 0 : n.parentId,
        value: n.code,
        title: `${n.name}（${REGION_LEVEL_NAMES[n.level]}）`,
        isLeaf: n.childCount === 0,
        selectable: !levels || levels.includes(n.level),
      }));
  }, [root, extra, levels]);

  const loadData = async ({ value: code }: { value?: string | number }) => {
    const detail = await fetchRegionNode(client, String(code));
    setExtra((prev) => [...prev, ...detail.children]);
  };

  // labelInValue, so a chosen node the tree has not loaded yet still shows its name.
  const label = treeData.find((n) => n.value === value)?.title ?? valueLabel ?? value;
  return (
    <TreeSelect<{ value: string; label?: string }>
      id={id}
      treeDataSimpleMode
      treeData={treeData}
      loadData={loadData}
      treeDefaultExpandedKeys={root ? [root.code] : []}
      labelInValue
      value={value ? { value, label } : undefined}
      onChange={(v: { value: string }) => onChange?.(v.value)}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: "title" }}
      allowClear={false}
      style={{ width: "100%" }}
    />
  );
}
