// /mediators: the public directory of the mediation force. Anyone may browse it and pick a mediator they trust;
// it shows what a mediator does and how they have done, never who they are outside the work.
import { Card, Col, Empty, Form, Input, Pagination, Row, Select, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { MediatorKind } from "../../../../mediation/kinds.js";
import { FIELD_OPTIONS, FieldTags, GradeTag, KIND_OPTIONS, TagList, ageBandName, days, percent } from "./labels.js";
import { CommunitySelect } from "./CommunitySelect.js";
import { useDirectory, useDirectoryFacets, type DirectoryFilter, type DirectorySort, type MediatorPublicView } from "./mediator-api.js";

const PAGE_SIZE = 24;
const SORT_OPTIONS: { value: DirectorySort; label: string }[] = [
  { value: "grade", label: "按等级" },
  { value: "handled", label: "按调解件数" },
  { value: "successRate", label: "按成功率" },
  { value: "experience", label: "按从业年限" },
  { value: "load", label: "按在办较少" },
];

export function DirectoryPage() {
  const [filter, setFilter] = useState<DirectoryFilter>({ sort: "grade" });
  const [page, setPage] = useState(1);
  const { data, isFetching } = useDirectory({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const { data: facets } = useDirectoryFacets();
  const change = (patch: Partial<DirectoryFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const options = (xs: string[] | undefined) => (xs ?? []).map((x) => ({ value: x, label: x }));

  return (
    <Card title="调解员名录" extra={<Typography.Text type="secondary">共 {data?.total ?? 0} 名调解员，可按需选择信任的调解员</Typography.Text>}>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="纠纷类别">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={FIELD_OPTIONS} value={filter.field} onChange={(field) => change({ field })} />
        </Form.Item>
        <Form.Item label="特长">
          <Select allowClear showSearch placeholder="如 工伤、宅基地" style={{ width: 150 }} options={options(facets?.specialties)} value={filter.specialty} onChange={(specialty) => change({ specialty })} />
        </Form.Item>
        <Form.Item label="村社">
          <CommunitySelect communities={facets?.communities} value={filter.community} onChange={(community) => change({ community })} />
        </Form.Item>
        <Form.Item label="类别">
          <Select<MediatorKind> allowClear placeholder="全部" style={{ width: 140 }} options={KIND_OPTIONS as { value: MediatorKind; label: string }[]} value={filter.kind} onChange={(kind) => change({ kind })} />
        </Form.Item>
        <Form.Item label="工作室/调解队">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 170 }}
            options={(facets?.studios ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={filter.studio}
            onChange={(studio) => change({ studio })}
          />
        </Form.Item>
        <Form.Item label="方言">
          <Select allowClear placeholder="全部" style={{ width: 110 }} options={options(facets?.dialects)} value={filter.dialect} onChange={(dialect) => change({ dialect })} />
        </Form.Item>
        <Form.Item>
          <Input.Search allowClear placeholder="姓名" style={{ width: 140 }} onSearch={(q) => change({ q: q.trim() || undefined })} />
        </Form.Item>
        <Form.Item label="排序">
          <Select<DirectorySort> style={{ width: 130 }} options={SORT_OPTIONS} value={filter.sort} onChange={(sort) => change({ sort })} />
        </Form.Item>
      </Form>
      <Spin spinning={isFetching}>
        {data && !data.items.length ? (
          <Empty description="没有符合条件的调解员" />
        ) : (
          <Row gutter={[16, 16]}>
            {data?.items.map((m) => (
              <Col key={m.id} xs={24} md={12} xl={8} xxl={6}>
                <MediatorCard m={m} />
              </Col>
            ))}
          </Row>
        )}
      </Spin>
      <Pagination
        style={{ marginTop: 16, textAlign: "right" }}
        current={page}
        pageSize={PAGE_SIZE}
        total={data?.total ?? 0}
        showSizeChanger={false}
        hideOnSinglePage
        onChange={setPage}
      />
    </Card>
  );
}

function MediatorCard({ m }: { m: MediatorPublicView }) {
  const navigate = useNavigate();
  const f = m.figures;
  return (
    <Card hoverable size="small" onClick={() => navigate(`/mediators/${m.id}`)} style={{ height: "100%" }}>
      <Space direction="vertical" size={6} style={{ width: "100%" }}>
        <Space wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>{m.name}</Typography.Text>
          <GradeTag grade={m.grade} />
          <Typography.Text type="secondary">{m.kindName}</Typography.Text>
        </Space>
        <Typography.Text type="secondary">
          {[m.studioName, m.homeCommunityName, `从业 ${m.yearsExperience} 年`, ageBandName(m.ageBand)].filter(Boolean).join(" · ")}
        </Typography.Text>
        <FieldTags fields={m.fields} />
        <TagList items={m.specialties} color="green" />
        {m.dialects.length > 0 && <Typography.Text type="secondary">方言：{m.dialects.join("、")}</Typography.Text>}
        <Typography.Text>
          参与调解 {f.handled} 件 · 成功率 {percent(f.successRate)} · 平均 {days(f.averageDays)} · 满意度 {percent(f.satisfaction)} · 在办 {f.currentLoad} 件
        </Typography.Text>
      </Space>
    </Card>
  );
}
