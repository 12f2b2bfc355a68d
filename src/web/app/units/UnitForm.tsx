// Add or edit a unit. The code is fixed once created; the region is chosen on the tree.
import { Form, Input, Modal, Select, Switch } from "antd";
import { useEffect } from "react";
import { UNIT_KIND_NAMES } from "../../../units/kinds.js";
import { RegionPicker } from "../regions/RegionPicker.js";
import { useSaveUnit, type UnitInputBody, type UnitView } from "./unit-api.js";

const KIND_OPTIONS = Object.entries(UNIT_KIND_NAMES).map(([value, label]) => ({ value, label }));

interface Props {
  open: boolean;
  /** The unit being edited; undefined to add one. */
  unit?: UnitView;
  onClose: () => void;
}

export function UnitForm({ open, unit, onClose }: Props) {
  const [form] = Form.useForm<UnitInputBody>();
  const save = useSaveUnit();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (unit) form.setFieldsValue({ code: unit.code, name: unit.name, kind: unit.kind, regionCode: unit.regionCode, active: unit.active });
  }, [open, unit, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const { code, ...patch } = values;
    await save.mutateAsync(unit ? { id: unit.id, body: patch } : { body: { ...values, code: code.trim() } });
    onClose();
  };

  return (
    <Modal open={open} title={unit ? `编辑承办单位：${unit.name}` : "新增承办单位"} onCancel={onClose} onOk={submit} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ active: true }}>
        <Form.Item name="code" label="单位代码" rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{2,40}$/, message: "2–40 位字母、数字、-、_" }]}>
          <Input disabled={Boolean(unit)} placeholder="如 GT-SFS" />
        </Form.Item>
        <Form.Item name="name" label="单位名称" rules={[{ required: true, min: 2, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="单位类型" rules={[{ required: true }]}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="regionCode" label="服务区域" rules={[{ required: true, message: "请选择区域" }]}>
          <RegionPicker valueLabel={unit?.regionName} />
        </Form.Item>
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
