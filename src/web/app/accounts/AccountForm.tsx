// Create an account, or edit its name, role, unit and scope. The scope defaults to the unit's region on the server.
import { PASSWORD_RULE } from "../../../accounts/password-rule.js";
import { Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import { ROLE_NAMES, ROLES } from "../../../accounts/roles.js";
import { RegionPicker } from "../regions/RegionPicker.js";
import { useUnits } from "../units/unit-api.js";
import { useCreateAccount, usePatchAccount, type AccountCreateBody, type AccountView } from "./account-api.js";

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }));
export const PASSWORD_MIN = PASSWORD_RULE.min;

interface Props {
  open: boolean;
  account?: AccountView;
  onClose: () => void;
}

export function AccountForm({ open, account, onClose }: Props) {
  const [form] = Form.useForm<AccountCreateBody>();
  const { data: units } = useUnits();
  const create = useCreateAccount();
  const patch = usePatchAccount();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (account) form.setFieldsValue({ username: account.username, displayName: account.displayName, role: account.role, unitId: account.unitId });
  }, [open, account, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const regionCode = v.regionCode || undefined;
    if (account) {
      await patch.mutateAsync({ id: account.id, body: { displayName: v.displayName, role: v.role, unitId: v.unitId ?? null, regionCode } });
    } else {
      await create.mutateAsync({ ...v, unitId: v.unitId ?? null, regionCode });
    }
    onClose();
  };

  return (
    <Modal
      open={open}
      title={account ? `编辑账号：${account.username}` : "新建账号"}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={create.isPending || patch.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="username" label="用户名" rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{2,40}$/, message: "2–40 位字母、数字、_ . -" }]}>
          <Input disabled={Boolean(account)} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true }]}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item name="unitId" label="所属单位">
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder="无"
            options={units?.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="regionCode" label="辖区" extra={account ? `当前：${account.regionName}；不选则不变` : "不选则使用所属单位的区域"}>
          <RegionPicker valueLabel={account?.regionName} placeholder="选择辖区" />
        </Form.Item>
        {!account && (
          <Form.Item name="password" label="初始密码" rules={[{ required: true, min: PASSWORD_MIN, message: `密码至少${PASSWORD_MIN}位` }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
