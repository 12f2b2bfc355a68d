// A case's dispute type as the classifier (or staff) left it: 邻里 0.82, and 待分类 when too uncertain to route.
import { Tag, Tooltip } from "antd";
import type { CaseSummary } from "./case-api.js";

type Categorised = Pick<CaseSummary, "categoryName" | "categoryConfidence" | "needsTriage">;

export function CategoryTag({ c }: { c: Categorised }) {
  return (
    <>
      {c.categoryName ? (
        <Tooltip title="类别与置信度">
          <Tag color="geekblue">
            {c.categoryName}
            {c.categoryConfidence !== null && ` ${c.categoryConfidence.toFixed(2)}`}
          </Tag>
        </Tooltip>
      ) : (
        !c.needsTriage && <Tag>未分类</Tag>
      )}
      {c.needsTriage && <Tag color="orange">待分类</Tag>}
    </>
  );
}
