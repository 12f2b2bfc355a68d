// 上传导入: choose channel files, then import them one by one. While the server works on a file its batch is polled
// every second, so the rows read so far show as progress; each file's summary follows when it is done.
import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Progress, Select, Space, Typography, Upload, type UploadFile, type UploadProps } from "antd";
import { useState } from "react";
import type { ChannelCode } from "../../../intake/channels.js";
import { isUnauthenticated } from "../api.js";
import { useErrorReporter } from "../errors.js";
import { useBatches, type UploadSummary } from "./intake-api.js";
import { CHANNEL_OPTIONS } from "./labels.js";
import { uploadFile } from "./upload-file.js";
import { UploadSummaryView } from "./UploadSummaryView.js";

type RcFile = Parameters<NonNullable<UploadProps["beforeUpload"]>>[0];

interface Running {
  name: string;
  /** Share of the bytes sent, 0–1. */
  sent: number;
}

interface FileOutcome {
  name: string;
  summary?: UploadSummary;
  error?: string;
}

export function UploadTab() {
  const [files, setFiles] = useState<RcFile[]>([]);
  const [channel, setChannel] = useState<ChannelCode>();
  const [running, setRunning] = useState<Running | null>(null);
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const report = useErrorReporter();

  const start = async () => {
    const queue = files;
    setFiles([]);
    for (const file of queue) {
      setRunning({ name: file.name, sent: 0 });
      try {
        const summary = await uploadFile(file, channel, (sent) => setRunning((r) => r && { ...r, sent }));
        setOutcomes((o) => [{ name: file.name, summary }, ...o]);
      } catch (err) {
        if (isUnauthenticated(err)) report(err);
        setOutcomes((o) => [{ name: file.name, error: err instanceof Error ? err.message : String(err) }, ...o]);
      }
    }
    setRunning(null);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Form layout="inline">
        <Form.Item label="渠道" tooltip="不选则按文件名（如 12345_202503.jsonl）或文件内容自动识别">
          <Select<ChannelCode> allowClear placeholder="自动识别" options={CHANNEL_OPTIONS} value={channel} onChange={setChannel} style={{ width: 200 }} />
        </Form.Item>
      </Form>
      <Upload.Dragger
        multiple
        disabled={running !== null}
        fileList={files.map((f): UploadFile => ({ uid: f.uid, name: f.name, size: f.size, status: "done" }))}
        beforeUpload={(file) => {
          setFiles((prev) => [...prev, file]);
          return false;
        }}
        onRemove={(removed) => setFiles((prev) => prev.filter((f) => f.uid !== removed.uid))}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">点击或拖拽渠道数据文件到此处</p>
        <p className="ant-upload-hint">支持 CSV、JSON、JSON Lines，可一次选择多个文件，逐个导入</p>
      </Upload.Dragger>
      <Button type="primary" disabled={files.length === 0 || running !== null} loading={running !== null} onClick={start}>
        开始导入{files.length > 1 ? `（${files.length} 个文件）` : ""}
      </Button>
      {running && <RunningFile running={running} />}
      {outcomes.map((o, i) => (
        <div key={`${outcomes.length - i}-${o.name}`} data-testid="upload-outcome" data-file={o.name}>
          <Card size="small" title={o.name}>
            {o.summary ? <UploadSummaryView summary={o.summary} /> : <Alert type="error" showIcon title={o.error} />}
          </Card>
        </div>
      ))}
    </Space>
  );
}

function RunningFile({ running }: { running: Running }) {
  const sending = running.sent < 1;
  const { data: batches } = useBatches(sending ? undefined : 1000);
  // This file's batch: the newest running upload under its name (the list is newest first).
  const batch = batches?.find((b) => b.source === "upload" && b.status === "running" && b.fileName === running.name);
  return (
    <Card size="small" title={`正在导入：${running.name}`} data-testid="upload-running">
      <Progress percent={Math.round(running.sent * 100)} status="active" format={(p) => (sending ? `上传 ${p}%` : "已上传")} />
      {!sending && (
        <Typography.Text type="secondary">
          {batch
            ? `服务器处理中：已读取 ${batch.counts.read} 行，接收 ${batch.counts.accepted}，重复推送 ${batch.counts.redelivered}，更正 ${batch.counts.corrected}，隔离 ${batch.counts.quarantined}`
            : "服务器处理中…"}
        </Typography.Text>
      )}
    </Card>
  );
}
