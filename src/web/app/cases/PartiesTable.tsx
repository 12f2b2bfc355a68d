// A case's parties, numbers masked; each links to the person's history, and a permitted user can reveal the numbers.
import { Table } from "antd";
import { Link } from "react-router";
import { PERSON_ROLE_NAMES } from "../intake/labels.js";
import { RevealPerson } from "../people/RevealPerson.js";
import { useCan } from "../session.js";
import type { CaseDetail } from "./case-api.js";

type Party = CaseDetail["parties"][number];

export function PartiesTable({ parties }: { parties: Party[] }) {
  const can = useCan();
  return (
    <Table<Party>
      rowKey={(p) => `${p.id}-${p.role}`}
      size="small"
      dataSource={parties}
      pagination={false}
      locale={{ emptyText: "无" }}
      columns={[
        { title: "姓名/名称", dataIndex: "name", render: (name: string, p) => (can("people.read") ? <Link to={`/people/${p.id}`}>{name}</Link> : name) },
        { title: "身份", dataIndex: "role", width: 100, render: (r: Party["role"]) => PERSON_ROLE_NAMES[r] },
        { title: "证件号码", dataIndex: "idNumber", render: (v: string | null) => v ?? "—" },
        { title: "手机号", dataIndex: "phone", render: (v: string | null) => v ?? "—" },
        { title: "住址", dataIndex: "addressText", render: (v: string | null) => v ?? "—" },
        { title: "所在区域", dataIndex: "regionName", render: (v: string | null) => v ?? "—" },
        ...(can("people.reveal") ? [{ title: "操作", width: 120, render: (_: unknown, p: Party) => <RevealPerson person={p} /> }] : []),
      ]}
    />
  );
}
