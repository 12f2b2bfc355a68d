import { LogoutOutlined, TranslationOutlined } from "@ant-design/icons";
import { Button, Space, Tag, Typography } from "antd";
import { useLang, useT } from "../lang.js";
import { useLogout, type Me } from "../session.js";
import { NotificationBell } from "../notifications/NotificationBell.js";

export function TopBar({ me }: { me: Me }) {
  const t = useT();
  const { lang, setLang } = useLang();
  const logout = useLogout();
  return (
    <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", height: "100%" }}>
      <Typography.Title level={4} style={{ margin: 0, color: "#fff", whiteSpace: "nowrap" }}>
        {t("app.hub")}
      </Typography.Title>
      <Space size="middle" style={{ color: "#fff" }}>
        <NotificationBell />
        <span data-testid="me-name">{me.displayName}</span>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>{me.roleName}</Tag>
        <span>{me.unit?.name ?? t("app.noUnit")}</span>
        <Button size="small" icon={<TranslationOutlined />} onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
          {t("app.langSwitch")}
        </Button>
        <Button size="small" icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()}>
          {t("app.logout")}
        </Button>
      </Space>
    </div>
  );
}
