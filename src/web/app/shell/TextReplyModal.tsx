// A dialog that asks for one piece of text before acting: a reason for declining, an answer to a question. The text
// starts empty each time it opens; OK stays disabled until the text is long enough.
import { Input, Modal } from "antd";
import { useEffect, useState, type ReactNode } from "react";

interface Props {
  open: boolean;
  title: string;
  okText: string;
  placeholder: string;
  /** Shown above the text box: what is being answered. */
  children?: ReactNode;
  minLength?: number;
  maxLength?: number;
  rows?: number;
  loading?: boolean;
  onCancel: () => void;
  /** Resolves true when done (the caller then closes the dialog), false to keep it open with the text. */
  onSubmit: (text: string) => Promise<boolean>;
}

export function TextReplyModal({ open, title, okText, placeholder, children, minLength = 2, maxLength = 1000, rows = 3, loading, onCancel, onSubmit }: Props) {
  const [text, setText] = useState("");
  useEffect(() => {
    if (open) setText("");
  }, [open]);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ disabled: text.trim().length < minLength }}
      confirmLoading={loading}
      onCancel={onCancel}
      onOk={() => void onSubmit(text.trim())}
    >
      {children}
      <Input.TextArea rows={rows} maxLength={maxLength} placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} />
    </Modal>
  );
}
