// Add or edit a mediator (mediators.manage), in a drawer. The 简介 is public: no phone numbers or addresses.
import { Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Switch } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import type { MediatorGrade, MediatorKind } from "../../../../mediation/kinds.js";
import { RegionPicker } from "../../regions/RegionPicker.js";
import { useUnits } from "../../units/unit-api.js";
import { FIELD_OPTIONS, GRADE_OPTIONS, KIND_OPTIONS, WEEKDAY_OPTIONS } from "./labels.js";
import { useDirectoryFacets, useSaveMediator, type MediatorInputBody, type MediatorStaffView } from "./mediator-api.js";

interface Values {
  name: string;
  kind: MediatorKind;
  grade: MediatorGrade;
  fields: string[];
  specialties: string[];
  dialects: string[];
  birthYear: number | null;
  gender: "male" | "female" | null;
  yearsExperience: number;
  homeRegionCode: string | null;
  unitId: number | null;
  studioUnitId: number | null;
  availableDays: number[];
  leave: [Dayjs, Dayjs] | null;
  employerCreditCode: string | null;
  accountId: number | null;
  bio: string;
  active: boolean;
}

interface Props {
  open: boolean;
  /** The mediator being edited; undefined to add one. */
  mediator?: MediatorStaffView;
  onClose: () => void;
}

export function MediatorForm({ open, mediator, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const save = useSaveMediator();
  const { data: units } = useUnits();
  const { data: facets } = useDirectoryFacets();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (mediator) {
      form.setFieldsValue({
        ...mediator,
        homeRegionCode: mediator.homeRegionCode,
        leave: mediator.leaveFrom ? [dayjs(mediator.leaveFrom), dayjs(mediator.leaveTo ?? mediator.leaveFrom)] : null,
      });
    }
  }, [open, mediator, form]);

  const submit = async () => {
    const { leave, ...v } = await form.validateFields();
    const body: MediatorInputBody = {
      ...v,
      fields: v.fields as MediatorInputBody["fields"],
      employerCreditCode: v.employerCreditCode?.trim() || null,
      leaveFrom: leave ? leave[0].format("YYYY-MM-DD") : null,
      leaveTo: leave ? leave[1].format("YYYY-MM-DD") : null,
    };
    await save.mutateAsync({ id: mediator?.id, body });
    onClose();
  };

  const studios = (units ?? []).filter((u) => u.kind === "mediation_studio").map((u) => ({ value: u.id, label: u.name }));
  const workUnits = (units ?? []).filter((u) => u.kind !== "mediation_studio").map((u) => ({ value: u.id, label: u.name }));
  const tagOptions = (xs: string[] | undefined) => (xs ?? []).map((x) => ({ value: x, label: x }));

  return (
    <Drawer
      open={open}
      width={640}
      title={mediator ? `编辑调解员：${mediator.name}` : "新增调解员"}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={submit}>保存</Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ grade: "standard", fields: [], specialties: [], dialects: [], availableDays: [1, 2, 3, 4, 5], yearsExperience: 0, active: true, bio: "" }}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, min: 2, max: 20 }]}><Input /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label="类别" rules={[{ required: true }]}><Select options={KIND_OPTIONS} /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="grade" label="等级"><Select options={GRADE_OPTIONS} /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="yearsExperience" label="从业年限"><InputNumber min={0} max={70} addonAfter="年" style={{ width: "100%" }} /></Form.Item>
          </Col>
        </Row>
        <Form.Item name="fields" label="擅长纠纷类别"><Select mode="multiple" options={FIELD_OPTIONS} /></Form.Item>
        <Form.Item name="specialties" label="特长标签" extra="可输入新标签，如 工伤、宅基地、心理疏导">
          <Select mode="tags" options={tagOptions(facets?.specialties)} />
        </Form.Item>
        <Form.Item name="dialects" label="方言"><Select mode="tags" options={tagOptions(facets?.dialects)} /></Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="birthYear" label="出生年份" extra="不公开，名录只显示年龄段"><InputNumber min={1920} max={2010} style={{ width: "100%" }} /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="gender" label="性别">
              <Radio.Group options={[{ value: "male", label: "男" }, { value: "female", label: "女" }]} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="homeRegionCode" label="所在村（社区）">
          <RegionPicker levels={["community"]} valueLabel={mediator?.homeCommunityName ?? undefined} placeholder="选择村（社区）" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="unitId" label="所属单位"><Select allowClear showSearch optionFilterProp="label" options={workUnits} /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="studioUnitId" label="工作室/调解队"><Select allowClear options={studios} /></Form.Item>
          </Col>
        </Row>
        <Form.Item name="availableDays" label="可调解日"><Select mode="multiple" options={WEEKDAY_OPTIONS} /></Form.Item>
        <Form.Item name="leave" label="请假"><DatePicker.RangePicker allowEmpty={[false, false]} style={{ width: "100%" }} /></Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="employerCreditCode" label="工作单位统一社会信用代码" extra="用于回避：不调解本单位为当事人的纠纷" rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: "18位统一社会信用代码" }]}>
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="accountId" label="关联登录账号（编号）" extra={mediator?.accountUsername ? `当前：${mediator.accountUsername}` : undefined}>
              <InputNumber min={1} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="bio" label="公开简介" extra="在调解员名录中公开显示，请勿填写电话、住址等个人信息" rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="active" label="在册" valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Drawer>
  );
}
