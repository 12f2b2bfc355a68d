import { Card, Col, Descriptions, Row, Typography } from "antd";
import { Link, Navigate } from "react-router";
import { useT } from "../lang.js";
import { useCan, useMe } from "../session.js";
import { SETTINGS_AREAS, WORK_AREAS } from "./areas.js";

export function HomePage() {
  const t = useT();
  const can = useCan();
  const { data: me } = useMe();
  if (!me) return null;
  // A citizen has one place to go: straight to 群众服务.
  if (can("portal.use")) return <Navigate to="/portal" replace />;
  const areas = [...WORK_AREAS, ...SETTINGS_AREAS].filter((a) => can(a.permission));
  return (
    <>
      <Card title={`${t("home.welcome")}，${me.displayName}`} style={{ marginBottom: 24 }}>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t("home.scope")}>{me.region.name}</Descriptions.Item>
          <Descriptions.Item label={t("home.role")}>{me.roleName}</Descriptions.Item>
          <Descriptions.Item label={t("home.unit")}>{me.unit?.name ?? t("app.noUnit")}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Title level={5}>{t("home.areas")}</Typography.Title>
      <Row gutter={[16, 16]}>
        {areas.map((a) => (
          <Col key={a.path} xs={12} md={6} xl={4}>
            <Link to={a.path}>
              <Card hoverable size="small" style={{ textAlign: "center" }}>
                <div style={{ fontSize: 28 }}>{a.icon}</div>
                <div>{t(a.label)}</div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
