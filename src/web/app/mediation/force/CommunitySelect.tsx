// Choosing a village/community among the directory's facets (the directory and the staff list filter by it).
import { Select } from "antd";

export function CommunitySelect({ communities, value, onChange }: { communities?: { code: string; name: string }[]; value?: string; onChange: (code: string | undefined) => void }) {
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder="全部"
      style={{ width: 150 }}
      options={(communities ?? []).map((c) => ({ value: c.code, label: c.name }))}
      value={value}
      onChange={onChange}
    />
  );
}
