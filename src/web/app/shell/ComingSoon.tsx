import { Card, Result } from "antd";
import { useT } from "../lang.js";
import type { Area } from "./areas.js";

export function ComingSoon({ area }: { area: Area }) {
  const t = useT();
  return (
    <Card title={t(area.label)}>
      <Result
        status="info"
        icon={area.icon}
        title={t("app.building")}
        subTitle={
          <>
            {t("app.buildingHint")}
            <br />
            {area.soon ? t(area.soon) : null}
          </>
        }
      />
    </Card>
  );
}
