// 法律咨询 in the portal: ask an on-duty specialist a legal question, and read the answers to one's own questions.
import { App, Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { CATEGORIES, CATEGORY_NAMES, type CategoryCode } from "../../../cases/categories.js";
import { useAskQuestion, useMyQuestions } from "./portal-api.js";

export function QuestionsCard() {
  const { data } = useMyQuestions();
  const ask = useAskQuestion();
  const [form] = Form.useForm<{ question: string; category?: CategoryCode }>();
  const { message } = App.useApp();
  return (
    <Card title="法律咨询">
      <Typography.Paragraph type="secondary">值班律师和调解员（专科医生）在线答复，答复后会通知您。</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        onFinish={async (v) => {
          try {
            await ask.mutateAsync({ question: v.question.trim(), category: v.category });
            message.success("已提交，答复后会通知您");
            form.resetFields();
          } catch (err) {
            message.error((err as Error).message);
          }
        }}
      >
        <Form.Item name="category" label="问题类别（选填）">
          <Select allowClear placeholder="选择类别" style={{ maxWidth: 240 }} options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_NAMES[c] }))} />
        </Form.Item>
        <Form.Item name="question" label="您的问题" rules={[{ required: true, whitespace: true, min: 5, message: "请把问题写清楚（至少 5 个字）" }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder="例如：房东不退押金，我可以起诉吗？需要准备什么材料？" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={ask.isPending}>
            提问
          </Button>
        </Form.Item>
      </Form>
      <List
        data-testid="my-questions"
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="还没有提过问题" /> }}
        renderItem={(q) => (
          <List.Item>
            <Space orientation="vertical" size={4} style={{ width: "100%" }}>
              <Space wrap>
                <Tag color={q.answer ? "green" : "blue"}>{q.answer ? "已答复" : "待答复"}</Tag>
                {q.category && <Tag>{CATEGORY_NAMES[q.category]}</Tag>}
                <Typography.Text type="secondary">{dayjs(q.askedAt).format("YYYY-MM-DD HH:mm")}</Typography.Text>
              </Space>
              <Typography.Text strong>{q.question}</Typography.Text>
              {q.answer && (
                <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: "pre-wrap" }}>
                  {q.answer}
                  <Typography.Text type="secondary">（{q.answeredByName}，{dayjs(q.answeredAt).format("YYYY-MM-DD HH:mm")}）</Typography.Text>
                </Typography.Paragraph>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
