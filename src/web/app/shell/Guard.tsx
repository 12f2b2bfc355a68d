// A page the user's role may not open shows a 403 result instead (the server refuses the data anyway).
import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Action } from "../../../accounts/permissions.js";
import { useT } from "../lang.js";
import { useCan } from "../session.js";

export function Guard({ permission, children }: { permission?: Action; children: ReactNode }) {
  const can = useCan();
  const t = useT();
  if (can(permission)) return children;
  return <Result status="403" title="403" subTitle={t("app.forbidden")} extra={<Link to="/"><Button>{t("app.backHome")}</Button></Link>} />;
}

export function NotFound() {
  const t = useT();
  return <Result status="404" title="404" subTitle={t("app.notFound")} extra={<Link to="/"><Button>{t("app.backHome")}</Button></Link>} />;
}
