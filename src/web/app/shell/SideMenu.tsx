import { Menu, type MenuProps } from "antd";
import { useLocation, useNavigate } from "react-router";
import { useT } from "../lang.js";
import { useCan } from "../session.js";
import { HOME_AREA, SETTINGS_AREAS, SETTINGS_ICON, WORK_AREAS, type Area } from "./areas.js";

export function SideMenu() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const item = (a: Area) => ({ key: a.path, icon: a.icon, label: t(a.label) });
  const settings = SETTINGS_AREAS.filter((a) => can(a.permission));
  const items: MenuProps["items"] = [
    item(HOME_AREA),
    ...WORK_AREAS.filter((a) => can(a.permission)).map(item),
    ...(settings.length ? [{ key: "settings", icon: SETTINGS_ICON, label: t("menu.settings"), children: settings.map(item) }] : []),
  ];
  const all = [HOME_AREA, ...WORK_AREAS, ...SETTINGS_AREAS];
  const selected = all.filter((a) => a.path !== "/" && pathname.startsWith(a.path)).map((a) => a.path);
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected.length ? selected : [pathname]}
      defaultOpenKeys={["settings"]}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 0 }}
    />
  );
}
