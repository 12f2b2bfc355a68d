// /legal-questions: 法律咨询 for the on-duty specialists — the questions still waiting (longest first) to answer, and
// those answered. Who asked is not shown: the question is answered, not the person.
import { App, Button, Card, Segmented, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { CATEGORY_NAMES } from "../../../cases/categories.js";
import type { LegalQuestionView } from "../../../portal/views.js";
import { TextReplyModal } from "../shell/TextReplyModal.js";
import { useAnswerQuestion, useQuestionQueue } from "./portal-api.js";

type Status = "open" | "answered";

export function QuestionQueuePage() {
  const [status, setStatus] = useState<Status>("open");
  const { data, isFetching } = useQuestionQueue(status);
  const answer = useAnswerQuestion();
  const [answering, setAnswering] = useState<LegalQuestionView | null>(null);
  const { message } = App.useApp();
  return (
    <Card title="法律咨询" extra={<Segmented<Status> value={status} onChange={setStatus} options={[{ value: "open", label: "待答复" }, { value: "answered", label: "已答复" }]} />}>
      <Table
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: status === "open" ? "没有待答复的咨询" : "还没有答复过的咨询" }}
        columns={[
          { title: "提问时间", dataIndex: "askedAt", width: 150, render: (t: string) => dayjs(t).format("YYYY-MM-DD HH:mm") },
          { title: "类别", dataIndex: "category", width: 110, render: (c: LegalQuestionView["category"]) => (c ? <Tag>{CATEGORY_NAMES[c]}</Tag> : null) },
          { title: "问题", dataIndex: "question" },
          status === "open"
            ? {
                title: "操作",
                width: 90,
                render: (_, q) => (
                  <Button type="primary" size="small" onClick={() => setAnswering(q)}>
                    答复
                  </Button>
                ),
              }
            : { title: "答复", render: (_, q) => `${q.answer}（${q.answeredByName}，${dayjs(q.answeredAt).format("MM-DD HH:mm")}）` },
        ]}
      />
      <TextReplyModal
        open={answering != null}
        title="答复法律咨询"
        okText="提交答复"
        placeholder="答复内容（将告知提问人）"
        minLength={5}
        maxLength={5000}
        rows={6}
        loading={answer.isPending}
        onCancel={() => setAnswering(null)}
        onSubmit={async (text) => {
          if (!answering) return false;
          try {
            await answer.mutateAsync({ id: answering.id, answer: text });
            message.success("已答复，已通知提问人");
            setAnswering(null);
            return true;
          } catch (err) {
            message.error((err as Error).message);
            return false;
          }
        }}
      >
        <p>{answering?.question}</p>
      </TextReplyModal>
    </Card>
  );
}
