// 合并到其他案件: this case's records move into another case, found by its code, its id or words of its title.
// The merged case disappears from the list (the change can be undone), so the page follows to the case that remains.
import { App, Form, Modal, Select, Spin } from "antd";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { getCase, searchCases, useMergeCase, type CaseDetail, type CaseSummary } from "./case-api.js";
import { ReasonField } from "./ReasonField.js";

interface Values {
  intoCaseId: number;
  reason: string;
}

export function MergeDialog({ c, open, onClose }: { c: CaseDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const merge = useMergeCase();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [found, setFound] = useState<CaseSummary[]>([]);
  const [searching, setSearching] = useState(false);
  const latest = useRef("");
  useEffect(() => {
    if (open) {
      form.resetFields();
      setFound([]);
    }
  }, [open, form]);

  const search = async (text: string) => {
    const q = text.trim();
    latest.current = q;
    if (!q) return; // the search box clears when a case is picked: keep the options, so the pick keeps its label
    setSearching(true);
    try {
      const byText = await searchCases(q);
      // A bare number may be a case id; a case outside the user's scope answers 404 and is simply not offered.
      const byId = /^\d+$/.test(q) ? await getCase(Number(q)).catch(() => undefined) : undefined;
      if (latest.current !== q) return;
      setFound([...(byId ? [byId] : []), ...byText.filter((x) => x.id !== byId?.id)].filter((x) => x.id !== c.id));
    } finally {
      setSearching(false);
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    const res = await merge.mutateAsync({ id: c.id, intoCaseId: v.intoCaseId, reason: v.reason.trim() });
    message.success(`已合并到 ${found.find((x) => x.id === res.caseId)?.code ?? "目标案件"}`);
    onClose();
    navigate(`/cases/${res.caseId}`);
  };

  return (
    <Modal open={open} title={`合并到其他案件：${c.code}`} okText="合并" onOk={() => submit().catch(() => undefined)} onCancel={onClose} confirmLoading={merge.isPending} forceRender>
      <Form form={form} name="case-merge" layout="vertical">
        <Form.Item name="intoCaseId" label="目标案件" extra="输入案件编号、案件 ID 或事由中的词语搜索" rules={[{ required: true, message: "请选择目标案件" }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            placeholder="如 GT-2025-0000123"
            notFoundContent={searching ? <Spin size="small" /> : null}
            options={found.map((x) => ({ value: x.id, label: `${x.code}　${x.title}` }))}
          />
        </Form.Item>
        <ReasonField placeholder="如：两案为同一户漏水纠纷，重复报送" />
      </Form>
    </Modal>
  );
}
