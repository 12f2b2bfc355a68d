// /login: username and password; the server's own message on failure (wrong password, locked, disabled).
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../api.js";
import { useLang, useT } from "../lang.js";
import { useLogin } from "../session.js";

export function LoginPage() {
  const t = useT();
  const { lang, setLang } = useLang();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get("next");
  const error = login.error instanceof ApiError ? login.error.message : login.error ? String(login.error) : null;

  const submit = (values: { username: string; password: string }) =>
    login.mutate(values, { onSuccess: () => navigate(next?.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true }) });

  return (
    <div style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", background: "#f0f2f5" }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: "center" }}>
          {t("app.hub")}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          {t("login.title")}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t("login.username")} rules={[{ required: true, message: t("login.required") }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t("login.password")} rules={[{ required: true, message: t("login.required") }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t("login.submit")}
          </Button>
        </Form>
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
          {t("app.langSwitch")}
        </Button>
      </Card>
    </div>
  );
}
