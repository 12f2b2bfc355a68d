// The reason dialog for a staff move: re-route (to a unit, to the claim board, or by the matrix again), escalate, push down.
import { App, Form, Modal, Radio, Select, Typography } from "antd";
import { useEffect } from "react";
import type { HandlingLevel } from "../../../tasks/states.js";
import { ReasonField } from "../cases/ReasonField.js";
import { useUnits } from "../units/unit-api.js";
import { LEVEL_OPTIONS } from "./labels.js";
import { useMoveCase } from "./routing-api.js";

export type MoveKind = "reroute" | "escalate" | "pushDown";

const TITLES: Record<MoveKind, string> = { reroute: "改派", escalate: "上提一级", pushDown: "下沉一级" };
const HINTS: Record<MoveKind, string> = {
  reroute: "结束当前承办单位的任务，按所选方式重新交办。",
  escalate: "重大疑难、本层级化解不了或红色风险时，上提一级：村社区 → 街道 → 市级部门。",
  pushDown: "下沉一级，由更基层的单位办理：街道 → 村（社区）二级中心 → 网格。",
};

interface Values {
  mode: "unit" | "board" | "matrix";
  unitId?: number;
  level?: HandlingLevel;
  reason: string;
}

export function MoveDialog({ caseId, kind, onClose }: { caseId: number; kind: MoveKind | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const move = useMoveCase(caseId);
  const units = useUnits();
  const { message } = App.useApp();
  const mode = Form.useWatch("mode", form);
  useEffect(() => {
    if (kind) form.setFieldsValue({ mode: "unit", unitId: undefined, level: undefined, reason: "" });
  }, [kind, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const reason = v.reason.trim();
    if (kind === "reroute") {
      const unitId = v.mode === "unit" ? v.unitId : v.mode === "board" ? null : undefined;
      await move.mutateAsync({ kind, unitId, level: v.level, reason });
    } else if (kind) {
      await move.mutateAsync({ kind, reason });
    }
    message.success(`已${kind ? TITLES[kind] : ""}`);
    onClose();
  };

  return (
    <Modal open={kind !== null} title={kind ? TITLES[kind] : ""} okText="确定" onOk={() => submit().catch(() => undefined)} onCancel={onClose} confirmLoading={move.isPending} forceRender>
      {kind && <Typography.Paragraph type="secondary">{HINTS[kind]}</Typography.Paragraph>}
      <Form form={form} name="case-move" layout="vertical">
        {kind === "reroute" && (
          <>
            <Form.Item name="mode" label="改派方式">
              <Radio.Group
                options={[
                  { value: "unit", label: "指定承办单位" },
                  { value: "board", label: "发布揭榜认领" },
                  { value: "matrix", label: "按现行职责矩阵重新流转" },
                ]}
              />
            </Form.Item>
            {mode === "unit" && (
              <Form.Item name="unitId" label="承办单位" rules={[{ required: true, message: "请选择承办单位" }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={units.isLoading}
                  options={(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.name}（${u.kindName}）` }))}
                />
              </Form.Item>
            )}
            <Form.Item name="level" label="处置层级" extra="不选则按单位类型或职责矩阵确定">
              <Select allowClear options={LEVEL_OPTIONS} />
            </Form.Item>
          </>
        )}
        <ReasonField label="事由（记入案件时间轴和审计日志）" />
      </Form>
    </Modal>
  );
}
