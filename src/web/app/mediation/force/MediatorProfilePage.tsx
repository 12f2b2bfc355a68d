// /mediators/:id: a mediator's public profile — what they take on, where they come from, how they have done.
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Result, Skeleton, Space, Typography } from "antd";
import { useNavigate, useParams } from "react-router";
import { FieldTags, FigureStats, GradeTag, TagList, ageBandName } from "./labels.js";
import { useMediatorProfile } from "./mediator-api.js";

export function MediatorProfilePage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { data: m, isLoading, isError } = useMediatorProfile(id);
  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/mediators")}>返回名录</Button>;
  if (isLoading) return <Card><Skeleton active /></Card>;
  if (isError || !m) return <Result status="404" title="未找到该调解员" extra={back} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card
        title={
          <Space>
            <span>{m.name}</span>
            <GradeTag grade={m.grade} />
            <Typography.Text type="secondary">{m.kindName}</Typography.Text>
          </Space>
        }
        extra={back}
      >
        {m.bio && <Typography.Paragraph>{m.bio}</Typography.Paragraph>}
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="工作室/调解队">{m.studioName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="所在村社">{m.homeCommunityName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="从业年限">{m.yearsExperience} 年</Descriptions.Item>
          <Descriptions.Item label="年龄段">{ageBandName(m.ageBand)}</Descriptions.Item>
          <Descriptions.Item label="擅长纠纷类别" span={2}><FieldTags fields={m.fields} /></Descriptions.Item>
          <Descriptions.Item label="特长" span={2}><TagList items={m.specialties} color="green" /></Descriptions.Item>
          <Descriptions.Item label="方言" span={2}>{m.dialects.length ? m.dialects.join("、") : "—"}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="调解业绩">
        <FigureStats f={m.figures} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          按其参加的调解小组统计：达成调解协议或小组组建后化解、办结的视为成功；平均用时自小组组建至化解（办结）；满意度取回访评价。
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
